package io.lsttracker.api;

import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A connection must deliver a whole request head (request line and headers) within
 * {@code tracker.http.request-head-timeout} (LST_HTTP_HEAD_TIMEOUT) of opening, or of the previous answer on a
 * kept-alive connection; else it gets 408 and is closed. Netty's idle timeouts only measure silence, so a client
 * that dribbles a header byte every few seconds would hold a connection (and its buffers) for ever.
 */
@Singleton
final class RequestHeadTimeout implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final Duration timeout;

    RequestHeadTimeout(@Value("${tracker.http.request-head-timeout}") Duration timeout) {
        this.timeout = Settings.positive("tracker.http.request-head-timeout", timeout);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "request-head-timeout",
                        new Handler(timeout.toMillis()));
            }
        }
    }

    /** Armed while no request is in flight; disarmed by a decoded request head; re-armed by the last answer. */
    private static final class Handler extends ChannelDuplexHandler {
        private final long millis;
        private ScheduledFuture<?> timer;
        private int inFlight;

        Handler(long millis) {
            this.millis = millis;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            arm(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            disarm();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            disarm();
            super.channelInactive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                inFlight++;
                disarm();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof LastHttpContent) {
                inFlight = Math.max(0, inFlight - 1);
                if (inFlight == 0) {
                    arm(ctx);
                }
            }
            super.write(ctx, msg, promise);
        }

        private void arm(ChannelHandlerContext ctx) {
            disarm();
            timer = ctx.executor().schedule(() -> {
                FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.REQUEST_TIMEOUT);
                answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                        .set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
            }, millis, TimeUnit.MILLISECONDS);
        }

        private void disarm() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
