package io.lsttracker.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.protocol.core.methods.response.AbiDefinition;

/**
 * The ABI fragment of one contract, loaded from {@code abi/<Name>.json} (packaged on the classpath). The
 * fragments are written by hand for exactly the functions and events the tracker uses, and checked against
 * the protocols' sources (abi/SOURCES.md), so the calls we encode are the ones the deployed contracts answer.
 */
public final class ContractAbi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ContractAbi> LOADED = new ConcurrentHashMap<>();

    private final String contract;
    private final Map<String, AbiFunction> functions;
    private final Map<String, AbiDefinition> events;

    private ContractAbi(String contract, AbiDefinition[] definitions) {
        this.contract = contract;
        this.functions = Arrays.stream(definitions)
                .filter(d -> "function".equals(d.getType()))
                .collect(Collectors.toUnmodifiableMap(AbiDefinition::getName, d -> new AbiFunction(contract, d)));
        this.events = Arrays.stream(definitions)
                .filter(d -> "event".equals(d.getType()))
                .collect(Collectors.toUnmodifiableMap(AbiDefinition::getName, Function.identity()));
    }

    /** The fragment abi/{@code contract}.json; a missing or unreadable fragment is a packaging bug. */
    public static ContractAbi load(String contract) {
        return LOADED.computeIfAbsent(contract, name -> {
            String resource = "abi/" + name + ".json";
            try (InputStream in = ContractAbi.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("ABI fragment " + resource + " is not on the classpath");
                }
                return new ContractAbi(name, JSON.readValue(in, AbiDefinition[].class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ABI fragment " + resource, e);
            }
        });
    }

    public String contract() {
        return contract;
    }

    public AbiFunction function(String name) {
        AbiFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalStateException("abi/" + contract + ".json has no function " + name);
        }
        return function;
    }

    public AbiDefinition event(String name) {
        AbiDefinition event = events.get(name);
        if (event == null) {
            throw new IllegalStateException("abi/" + contract + ".json has no event " + name);
        }
        return event;
    }
}
