# lst-tracker as a service. Build: docker build -t lst-tracker .   (docker-compose.yml does this)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B -Dnpm.skip dependency:go-offline
COPY abi abi
COPY config config

COPY src src
COPY bench bench
# The service needs no anvil or solc (they are for the devchain and its tests): skip npm.
RUN mvn -q -B -Dnpm.skip -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/lst-tracker.jar /app/lst-tracker.jar
COPY config /app/config
RUN useradd --system --home /app lst && mkdir -p /app/data && chown lst /app/data
USER lst
EXPOSE 8080
# A JVM out of memory is half alive (threads dead, SIGTERM ignored): exit instead, and let the restart policy start
# a clean one (README: "On a fresh machine").
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/lst-tracker.jar"]
CMD ["serve"]
