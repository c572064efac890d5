package io.fasttrack.flow.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Structural checks of the deployment files for users with a container engine: {@code deploy/kubernetes}
 * (Kubernetes manifests, Strimzi topics, kustomization) and {@code deploy/compose} (compose file, Dockerfile).
 * Nothing here can run them, so this test holds them to the code: every YAML file parses (all documents, no key
 * given twice in a mapping, which kubectl refuses); every
 * service and the console has a Deployment with probes on {@code /q/health/live} and {@code /q/health/ready} on its
 * port, a Service and its ConfigMap; the Deployment of assignment-service, of which one instance decides at a time, replaces its pod
 * with strategy {@code Recreate}; every topic of shared-events and its {@code .dlq} is a KafkaTopic kept forever; ports match
 * {@code quarkus.http.port} of each service's application.properties; every environment variable set for a service
 * is the environment form of a setting the service has (its application.properties, shared-events' config, or a
 * short list of Quarkus settings below); the console calls each service at its Service (compose: its service name)
 * and port; compose has the four services, the console, Kafka and PostgreSQL on the same ports.
 *
 * <p>Fast and self-contained: reads files only, starts nothing. The checks collect every problem, so one run
 * names them all; the {@code catches...} tests break a fresh in-memory copy of the manifests and expect the break
 * to be named, to show the checks can fail.
 * The repository root is the system property {@code fasttrack.repo}, else {@code ..} (the module directory's parent).
 */
class DeploymentManifestsTest {

    static final Path REPO = Path.of(System.getProperty("fasttrack.repo", "..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = REPO.resolve("deploy/kubernetes");
    static final Path COMPOSE = REPO.resolve("deploy/compose");
    static final Path COMPOSE_FILE = COMPOSE.resolve("compose.yaml");
    static final Path DOCKERFILE = COMPOSE.resolve("Dockerfile");
    static final Path SHARED_CONFIG = REPO.resolve("shared-events/src/main/resources/META-INF/microprofile-config.properties");

    static final List<String> SERVICES = List.of("intake-service", "assignment-service", "engagement-service", "health-service");

    /**
     * The browser UI over the services: deployed like them (Deployment, probes, Service; a compose service), but with
     * no database, no Kafka and no topics, so the checks of those do not apply to it.
     */
    static final String CONSOLE = "console";

    /** The console's REST clients, {@code quarkus.rest-client.<name>.url}, each naming the service {@code <name>-service}. */
    static final Pattern REST_CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.([a-z]+)\\.url");

    /**
     * Services of which one instance decides at a time (a database lease): their Deployment stops the old pod before
     * it starts the new one, where a rolling update would start a second pod that can only wait.
     */
    static final Set<String> ONE_DECIDER = Set.of("assignment-service");

    /** Quarkus settings the deployment sets although application.properties does not mention them. */
    static final Map<String, String> QUARKUS_SETTINGS = Map.of(
            "QUARKUS_PROFILE", "quarkus.profile",
            "QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password");

    /** Variables that are no configuration of the service but read by the image's entry point (deploy/compose/Dockerfile). */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS");

    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    static final String PROFILE = "postgres";

    // ---------------------------------------------------------------- the tests

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files = yamlFiles(KUBERNETES);
        files.addAll(yamlFiles(COMPOSE));
        assertTrue(files.stream().anyMatch(f -> f.startsWith(KUBERNETES)), "no YAML file in " + KUBERNETES);
        assertTrue(files.contains(COMPOSE_FILE), "no " + COMPOSE_FILE);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                List<Object> documents = loadAll(file);
                if (documents.isEmpty()) {
                    problems.add(rel(file) + ": no YAML document");
                }
                for (int i = 0; i < documents.size(); i++) {
                    if (!(documents.get(i) instanceof Map)) {
                        problems.add(rel(file) + ": document " + (i + 1) + " is not a mapping");
                    }
                }
            } catch (RuntimeException e) {
                problems.add(rel(file) + ": does not parse: " + e.getMessage());
            }
        }
        assertNoProblems("YAML files", problems);
    }

    @Test
    void kubernetesManifestsMatchTheCode() throws IOException {
        assertNoProblems("deploy/kubernetes", kubernetesProblems(loadKubernetes(), Code.read()));
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization = map(loadAll(KUBERNETES.resolve("kustomization.yaml")).get(0));
        Set<String> listed = new TreeSet<>(strings(kustomization.get("resources")));
        Set<String> present = yamlFiles(KUBERNETES).stream()
                .map(f -> KUBERNETES.relativize(f).toString().replace('\\', '/'))
                .filter(name -> !name.equals("kustomization.yaml"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(present, listed, "kustomization.yaml resources must list exactly the manifests in deploy/kubernetes");
        assertEquals("fasttrack", kustomization.get("namespace"), "kustomization namespace");
    }

    @Test
    void composeMatchesTheCode() throws IOException {
        assertNoProblems("deploy/compose", composeProblems(map(loadAll(COMPOSE_FILE).get(0)), Code.read()));
    }

    @Test
    void dockerfileBuildsTheFastJarOfThePostgresBuild() throws IOException {
        assertNoProblems("deploy/compose/Dockerfile", dockerfileProblems(Files.readString(DOCKERFILE)));
    }

    @Test
    void everyServiceHasThePostgresProfileTheImagesAreBuiltAndRunWith() throws IOException {
        Code code = Code.read();
        List<String> without = SERVICES.stream().filter(s -> !code.profiles().get(s).contains(PROFILE)).collect(Collectors.toList());
        // The profile arrives with the PostgreSQL work (issue 7); until one service has it there is nothing to hold
        // the others to. From then on every service must have it, or its image would be an H2 build.
        Assumptions.assumeFalse(without.size() == SERVICES.size(),
                "no service defines the " + PROFILE + " profile yet (%" + PROFILE + ". settings or application-" + PROFILE + ".properties)");
        assertEquals(List.of(), without, "services without the " + PROFILE + " profile that the manifests run them with");
        for (String service : SERVICES) {
            assertEquals("postgresql", code.profileSetting(service, PROFILE, "quarkus.datasource.db-kind"),
                    service + ": quarkus.datasource.db-kind under the " + PROFILE + " profile");
        }
    }

    // The checks must be able to fail: each test below breaks one thing in a fresh copy and expects it named.

    @Test
    void catchesAMissingReadinessProbe() throws IOException {
        assertKubernetesCaught(docs -> container(find(docs, "Deployment", "intake-service")).remove("readinessProbe"),
                "intake-service", "readinessProbe");
    }

    @Test
    void catchesALivenessProbeOnTheWrongPath() throws IOException {
        assertKubernetesCaught(docs -> map(map(container(find(docs, "Deployment", "engagement-service"))
                .get("livenessProbe")).get("httpGet")).put("path", "/health"), "engagement-service", "livenessProbe");
    }

    @Test
    void catchesARollingUpdateOfTheDecider() throws IOException {
        assertKubernetesCaught(docs -> map(find(docs, "Deployment", "assignment-service").get("spec"))
                .put("strategy", new LinkedHashMap<>(Map.of("type", "RollingUpdate"))), "assignment-service", "Recreate");
    }

    @Test
    void catchesAContainerPortThatIsNotTheServicePort() throws IOException {
        assertKubernetesCaught(docs -> map(list(container(find(docs, "Deployment", "health-service")).get("ports")).get(0))
                .put("containerPort", 8080), "health-service", "8084");
    }

    @Test
    void catchesAPortSettingThatIsNotTheServicePort() throws IOException {
        assertKubernetesCaught(docs -> map(find(docs, "ConfigMap", "assignment-service").get("data"))
                .put("QUARKUS_HTTP_PORT", "8081"), "assignment-service", "QUARKUS_HTTP_PORT");
    }

    @Test
    void catchesAnEnvironmentNameTheCodeDoesNotRead() throws IOException {
        assertKubernetesCaught(docs -> map(find(docs, "ConfigMap", "fasttrack-common").get("data"))
                .put("KAFKA_BOOTSTRAP_SERVER", "kafka:9092"), "KAFKA_BOOTSTRAP_SERVER");
    }

    @Test
    void catchesAPasswordInAConfigMap() throws IOException {
        assertKubernetesCaught(docs -> map(find(docs, "ConfigMap", "intake-service").get("data"))
                .put("QUARKUS_DATASOURCE_PASSWORD", "secret"), "PASSWORD");
    }

    @Test
    void catchesAMissingDeadLetterTopic() throws IOException {
        assertKubernetesCaught(docs -> docs.remove(find(docs, "KafkaTopic", "fasttrack.usage.dlq")), "fasttrack.usage.dlq");
    }

    @Test
    void catchesATopicThatForgetsItsHistory() throws IOException {
        assertKubernetesCaught(docs -> map(map(find(docs, "KafkaTopic", "fasttrack.roster").get("spec")).get("config"))
                .put("retention.ms", 604800000), "fasttrack.roster", "retention.ms");
    }

    @Test
    void catchesAServiceThatSelectsNoPod() throws IOException {
        assertKubernetesCaught(docs -> map(find(docs, "Service", "intake-service").get("spec"))
                .put("selector", new LinkedHashMap<>(Map.of("app", "intake"))), "intake-service", "selector");
    }

    @Test
    void catchesAMissingDeployment() throws IOException {
        assertKubernetesCaught(docs -> docs.remove(find(docs, "Deployment", "health-service")), "health-service", "Deployment");
    }

    @Test
    void catchesAConsoleCallingAServiceOnTheWrongPort() throws IOException {
        assertKubernetesCaught(docs -> map(find(docs, "ConfigMap", "console").get("data"))
                .put("QUARKUS_REST_CLIENT_HEALTH_URL", "http://health-service:8080"), "console", "QUARKUS_REST_CLIENT_HEALTH_URL");
    }

    @Test
    void catchesAConsoleWithoutItsPublicKey() throws IOException {
        assertKubernetesCaught(docs -> container(find(docs, "Deployment", "console")).remove("volumeMounts"),
                "console", "public key");
    }

    @Test
    void catchesAMissingConsoleInCompose() throws IOException {
        assertComposeCaught(compose -> services(compose).remove("console"), "console", "missing");
    }

    @Test
    void catchesAKeyGivenTwice() {
        String twice = "spec:\n  volumes:\n    - name: a\n  containers: []\n  volumes:\n    - name: b\n";
        assertThrows(RuntimeException.class, () -> loadAll(new java.io.StringReader(twice)),
                "a mapping with the key volumes twice must not parse");
    }

    @Test
    void catchesAComposeServicePublishedOnAnotherPort() throws IOException {
        assertComposeCaught(compose -> map(services(compose).get("engagement-service"))
                .put("ports", new ArrayList<>(List.of("127.0.0.1:8093:8083"))), "engagement-service", "8083");
    }

    @Test
    void catchesAComposeFileWithoutPostgres() throws IOException {
        assertComposeCaught(compose -> services(compose).remove("postgres"), "postgres");
    }

    @Test
    void catchesAComposeServiceWithoutHealthcheck() throws IOException {
        assertComposeCaught(compose -> map(services(compose).get("intake-service")).remove("healthcheck"),
                "intake-service", "healthcheck");
    }

    @Test
    void catchesAComposeTopicRenamedOnlyForTheServices() throws IOException {
        assertComposeCaught(compose -> {
            Map<String, Object> service = map(services(compose).get("health-service"));
            Map<String, Object> env = new LinkedHashMap<>(map(service.get("environment")));
            env.put("FASTTRACK_TOPIC_USAGE", "usage-v2");
            service.put("environment", env);
        }, "health-service", "FASTTRACK_TOPIC_USAGE");
    }

    // ---------------------------------------------------------------- what the code says

    /**
     * Facts read from the code at test time: each service's port, the environment names of the settings it has,
     * the profiles it defines, and the topic defaults of shared-events.
     */
    record Code(Map<String, Integer> ports, Map<String, Set<String>> settings, Map<String, Set<String>> profiles,
                Map<String, String> topics, Map<String, Path> resources, Set<String> consoleClients) {

        static Code read() throws IOException {
            Properties shared = properties(SHARED_CONFIG);
            Map<String, String> topics = new LinkedHashMap<>();
            for (String key : new TreeSet<>(shared.stringPropertyNames())) {
                if (key.startsWith("fasttrack.topic.")) {
                    topics.put(key, shared.getProperty(key));
                }
            }
            if (topics.isEmpty()) {
                throw new AssertionError("no fasttrack.topic.* default in " + SHARED_CONFIG);
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, Set<String>> settings = new LinkedHashMap<>();
            Map<String, Set<String>> profiles = new LinkedHashMap<>();
            Map<String, Path> resourceDirectories = new LinkedHashMap<>();
            List<String> modules = new ArrayList<>(SERVICES);
            modules.add(CONSOLE);
            Set<String> consoleClients = new TreeSet<>();
            for (String service : modules) {
                Path resources = REPO.resolve(service).resolve("src/main/resources");
                resourceDirectories.put(service, resources);
                Properties properties = properties(resources.resolve("application.properties"));
                String port = properties.getProperty("quarkus.http.port");
                if (port == null) {
                    throw new AssertionError(service + ": no quarkus.http.port in application.properties");
                }
                ports.put(service, Integer.parseInt(port.trim()));
                Set<String> names = new TreeSet<>();
                Set<String> serviceProfiles = new TreeSet<>();
                collectSettings(properties, names, serviceProfiles);
                try (Stream<Path> files = Files.list(resources)) {
                    for (Path file : files.collect(Collectors.toList())) {
                        Matcher profileFile = Pattern.compile("application-(.+)\\.properties").matcher(file.getFileName().toString());
                        if (profileFile.matches()) {
                            serviceProfiles.add(profileFile.group(1));
                            collectSettings(properties(file), names, serviceProfiles);
                        }
                    }
                }
                if (service.equals(CONSOLE)) {
                    // the console does not read shared-events' config: it knows the services by their APIs only
                    for (String key : properties.stringPropertyNames()) {
                        Matcher client = REST_CLIENT_URL.matcher(key);
                        if (client.matches()) {
                            consoleClients.add(client.group(1));
                        }
                    }
                } else {
                    collectSettings(shared, names, serviceProfiles);
                }
                settings.put(service, names.stream().map(DeploymentManifestsTest::environmentName)
                        .collect(Collectors.toCollection(TreeSet::new)));
                profiles.put(service, serviceProfiles);
            }
            if (consoleClients.isEmpty()) {
                throw new AssertionError(CONSOLE + ": no quarkus.rest-client.<name>.url in application.properties");
            }
            return new Code(ports, settings, profiles, topics, resourceDirectories, consoleClients);
        }

        /** A setting's value under a profile: application-PROFILE.properties, else %PROFILE.name, else the plain name. */
        String profileSetting(String service, String profile, String name) throws IOException {
            Path profileFile = resources.get(service).resolve("application-" + profile + ".properties");
            if (Files.isRegularFile(profileFile) && properties(profileFile).getProperty(name) != null) {
                return properties(profileFile).getProperty(name).trim();
            }
            Properties properties = properties(resources.get(service).resolve("application.properties"));
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%") && key.endsWith("." + name)
                        && List.of(key.substring(1, key.length() - name.length() - 1).split(",")).contains(profile)) {
                    return properties.getProperty(key).trim();
                }
            }
            String plain = properties.getProperty(name);
            return plain == null ? null : plain.trim();
        }

        /** Property names a file defines (a {@code %profile.} prefix dropped) or refers to in an expression. */
        private static void collectSettings(Properties properties, Set<String> names, Set<String> profiles) {
            Pattern reference = Pattern.compile("\\$\\{([^}:]+)");
            for (String key : properties.stringPropertyNames()) {
                String name = key;
                if (key.startsWith("%") && key.indexOf('.') > 0) {
                    for (String profile : key.substring(1, key.indexOf('.')).split(",")) {
                        profiles.add(profile.trim());
                    }
                    name = key.substring(key.indexOf('.') + 1);
                }
                names.add(name);
                Matcher matcher = reference.matcher(properties.getProperty(key));
                while (matcher.find()) {
                    names.add(matcher.group(1).trim());
                }
            }
        }

        /** Whether {@code variable} is the environment form of a setting of {@code service}. */
        boolean reads(String service, String variable) {
            return QUARKUS_SETTINGS.containsKey(variable) || settings.get(service).contains(variable);
        }

        /** The topic name a service uses for a shared key, given its environment. */
        String topic(String key, Map<String, String> environment) {
            return environment.getOrDefault(environmentName(key), topics.get(key));
        }
    }

    /** Quarkus' mapping of a property name to an environment variable: non-alphanumerics to _, upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- Kubernetes

    static List<String> kubernetesProblems(List<Doc> docs, Code code) {
        List<String> problems = new ArrayList<>();
        for (Doc doc : docs) {
            if (doc.kind() == null || doc.body().get("apiVersion") == null || doc.name() == null) {
                problems.add(doc + ": needs apiVersion, kind and metadata.name");
            }
            if ("ConfigMap".equals(doc.kind())) {
                map(doc.body().getOrDefault("data", Map.of())).forEach((key, value) -> {
                    if (!(value instanceof String)) {
                        problems.add(doc + ": data." + key + " must be a string (quote it), is " + value);
                    }
                    if (String.valueOf(key).contains("PASSWORD")) {
                        problems.add(doc + ": " + key + " in a ConfigMap; a password belongs in a Secret");
                    }
                });
            }
        }
        if (docs.stream().noneMatch(d -> "Namespace".equals(d.kind()))) {
            problems.add("no Namespace");
        }

        // topics: every shared-events default (or the name a service is configured with) and its .dlq
        Map<String, Doc> topics = new LinkedHashMap<>();
        Set<String> clusters = docs.stream().filter(d -> "Kafka".equals(d.kind())).map(Doc::name).collect(Collectors.toSet());
        for (Doc doc : docs) {
            if (!"KafkaTopic".equals(doc.kind())) {
                continue;
            }
            if (!String.valueOf(doc.body().get("apiVersion")).startsWith("kafka.strimzi.io/")) {
                problems.add(doc + ": KafkaTopic must be a Strimzi resource (kafka.strimzi.io/v1beta2)");
            }
            Map<String, Object> spec = map(doc.body().getOrDefault("spec", Map.of()));
            String name = spec.get("topicName") != null ? String.valueOf(spec.get("topicName")) : doc.name();
            topics.put(name, doc);
            Object cluster = map(map(doc.body().get("metadata")).getOrDefault("labels", Map.of())).get("strimzi.io/cluster");
            if (cluster == null) {
                problems.add(doc + ": no strimzi.io/cluster label");
            } else if (!clusters.isEmpty() && !clusters.contains(String.valueOf(cluster))) {
                problems.add(doc + ": strimzi.io/cluster " + cluster + " is none of the Kafka clusters " + clusters);
            }
            Object retention = map(spec.getOrDefault("config", Map.of())).get("retention.ms");
            if (retention == null || !String.valueOf(retention).trim().equals("-1")) {
                problems.add(doc + ": topic " + name + " must keep its history: retention.ms -1, is " + retention);
            }
            if (!(spec.get("partitions") instanceof Integer) || (Integer) spec.get("partitions") < 1) {
                problems.add(doc + ": topic " + name + " needs a number of partitions");
            }
        }

        for (String service : SERVICES) {
            Doc deployment = find(docs, "Deployment", service);
            Map<String, Object> container = workloadProblems(problems, docs, service, code.ports().get(service));
            if (container == null) {
                continue;
            }
            Object strategy = map(map(deployment.body().get("spec")).get("strategy")).get("type");
            if (ONE_DECIDER.contains(service) && !"Recreate".equals(strategy)) {
                problems.add(deployment + ": strategy.type must be Recreate (one decider at a time), is " + strategy);
            }
            Map<String, String> environment = kubernetesEnvironment(problems, docs, deployment, container);
            checkEnvironment(problems, deployment.toString(), service, environment, code);
            if (environment.containsKey("QUARKUS_DATASOURCE_PASSWORD")) {
                problems.add(deployment + ": QUARKUS_DATASOURCE_PASSWORD must come from a Secret (secretKeyRef), not a value");
            } else if (!secretVariables(container).contains("QUARKUS_DATASOURCE_PASSWORD")) {
                problems.add(deployment + ": no QUARKUS_DATASOURCE_PASSWORD from a Secret");
            }
            if (!String.valueOf(environment.get("JAVA_OPTS")).contains("MaxRAMPercentage")) {
                problems.add(deployment + ": JAVA_OPTS should size the heap from the memory limit (-XX:MaxRAMPercentage)");
            }
            for (String key : code.topics().keySet()) {
                String topic = code.topic(key, environment);
                for (String name : List.of(topic, topic + ".dlq")) {
                    if (!topics.containsKey(name)) {
                        problems.add(service + " uses topic " + name + " (" + key + "): no KafkaTopic " + name);
                    }
                }
            }
        }

        Map<String, Object> console = workloadProblems(problems, docs, CONSOLE, code.ports().get(CONSOLE));
        if (console != null) {
            Doc deployment = find(docs, "Deployment", CONSOLE);
            Map<String, String> environment = kubernetesEnvironment(problems, docs, deployment, console);
            checkConsoleEnvironment(problems, deployment.toString(), environment, code);
            String key = environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            if (key != null && list(console.get("volumeMounts")).stream().map(m -> String.valueOf(map(m).get("mountPath")))
                    .noneMatch(path -> key.startsWith(path + "/"))) {
                problems.add(deployment + ": no volumeMount holds the public key at " + key);
            }
            if (!String.valueOf(environment.get("JAVA_OPTS")).contains("MaxRAMPercentage")) {
                problems.add(deployment + ": JAVA_OPTS should size the heap from the memory limit (-XX:MaxRAMPercentage)");
            }
        }
        return problems;
    }

    /**
     * What every workload needs, a service or the console: its ConfigMap, a Deployment whose selector selects its
     * pods, a container of its image on its port with the three probes and a memory bound, and a Service that selects
     * those pods on that port. Answers the container to check further, null when there is none.
     */
    private static Map<String, Object> workloadProblems(List<String> problems, List<Doc> docs, String name, int port) {
        Doc deployment = find(docs, "Deployment", name);
        Doc serviceDoc = find(docs, "Service", name);
        if (find(docs, "ConfigMap", name) == null) {
            problems.add(name + ": no ConfigMap " + name);
        }
        if (deployment == null) {
            problems.add(name + ": no Deployment " + name);
            return null;
        }
        Map<String, Object> podTemplate = map(map(deployment.body().get("spec")).get("template"));
        Map<String, Object> podLabels = map(map(podTemplate.get("metadata")).getOrDefault("labels", Map.of()));
        Map<String, Object> matchLabels = map(map(map(deployment.body().get("spec")).get("selector")).getOrDefault("matchLabels", Map.of()));
        if (matchLabels.isEmpty() || !podLabels.entrySet().containsAll(matchLabels.entrySet())) {
            problems.add(deployment + ": selector.matchLabels " + matchLabels + " do not select its pod labels " + podLabels);
        }
        Map<String, Object> container = container(deployment);
        if (container == null) {
            problems.add(deployment + ": no container");
            return null;
        }
        String image = String.valueOf(container.get("image"));
        if (!image.startsWith("fasttrack/" + name + ":")) {
            problems.add(deployment + ": image " + image + " is not fasttrack/" + name + ":<version>");
        }
        Map<String, Integer> containerPorts = new LinkedHashMap<>();
        for (Object p : list(container.getOrDefault("ports", List.of()))) {
            Map<String, Object> portSpec = map(p);
            containerPorts.put(String.valueOf(portSpec.getOrDefault("name", "")), (Integer) portSpec.get("containerPort"));
        }
        if (!containerPorts.containsValue(port)) {
            problems.add(deployment + ": container ports " + containerPorts.values() + " lack the service port " + port
                    + " (quarkus.http.port of " + name + ")");
        }
        checkProbe(problems, deployment, container, "livenessProbe", LIVE, port, containerPorts);
        checkProbe(problems, deployment, container, "readinessProbe", READY, port, containerPorts);
        checkProbe(problems, deployment, container, "startupProbe", "/q/health", port, containerPorts);
        Map<String, Object> resources = map(container.getOrDefault("resources", Map.of()));
        for (String bound : List.of("requests", "limits")) {
            if (map(resources.getOrDefault(bound, Map.of())).get("memory") == null) {
                problems.add(deployment + ": no resources." + bound + ".memory");
            }
        }

        if (serviceDoc == null) {
            problems.add(name + ": no Service " + name);
            return container;
        }
        Map<String, Object> serviceSpec = map(serviceDoc.body().get("spec"));
        Map<String, Object> selector = map(serviceSpec.getOrDefault("selector", Map.of()));
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            problems.add(serviceDoc + ": selector " + selector + " does not select the pods of Deployment " + name);
        }
        boolean exposed = false;
        for (Object p : list(serviceSpec.getOrDefault("ports", List.of()))) {
            Map<String, Object> servicePort = map(p);
            Object target = servicePort.getOrDefault("targetPort", servicePort.get("port"));
            Integer targetPort = target instanceof Integer ? (Integer) target : containerPorts.get(String.valueOf(target));
            exposed |= Objects.equals(servicePort.get("port"), port) && Objects.equals(targetPort, port);
        }
        if (!exposed) {
            problems.add(serviceDoc + ": no port " + port + " with targetPort the container's port " + port);
        }
        return container;
    }

    private static void checkProbe(List<String> problems, Doc deployment, Map<String, Object> container, String probe,
                                   String path, int port, Map<String, Integer> containerPorts) {
        Map<String, Object> httpGet = map(map(container.getOrDefault(probe, Map.of())).getOrDefault("httpGet", Map.of()));
        if (httpGet.isEmpty()) {
            problems.add(deployment + ": no " + probe + " (httpGet " + path + ")");
            return;
        }
        String actualPath = String.valueOf(httpGet.get("path"));
        if (probe.equals("startupProbe") ? !actualPath.startsWith(path) : !actualPath.equals(path)) {
            problems.add(deployment + ": " + probe + " path is " + actualPath + ", expected " + path);
        }
        Object probePort = httpGet.get("port");
        Integer resolved = probePort instanceof Integer ? (Integer) probePort : containerPorts.get(String.valueOf(probePort));
        if (!Objects.equals(resolved, port)) {
            problems.add(deployment + ": " + probe + " port " + probePort + " is not the service port " + port);
        }
    }

    /** The variables a container gets with a plain value: from envFrom ConfigMaps, then env (which wins). */
    private static Map<String, String> kubernetesEnvironment(List<String> problems, List<Doc> docs, Doc deployment,
                                                             Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : list(container.getOrDefault("envFrom", List.of()))) {
            Map<String, Object> ref = map(map(source).get("configMapRef"));
            if (ref.isEmpty()) {
                problems.add(deployment + ": envFrom other than configMapRef is not checked: " + source);
                continue;
            }
            Doc configMap = find(docs, "ConfigMap", String.valueOf(ref.get("name")));
            if (configMap == null) {
                problems.add(deployment + ": envFrom ConfigMap " + ref.get("name") + " does not exist");
                continue;
            }
            map(configMap.body().getOrDefault("data", Map.of())).forEach((k, v) -> environment.put(String.valueOf(k), String.valueOf(v)));
        }
        for (Object entry : list(container.getOrDefault("env", List.of()))) {
            Map<String, Object> variable = map(entry);
            String name = String.valueOf(variable.get("name"));
            if (variable.containsKey("value")) {
                environment.put(name, String.valueOf(variable.get("value")));
            } else {
                environment.remove(name);
                Map<String, Object> valueFrom = map(variable.getOrDefault("valueFrom", Map.of()));
                Map<String, Object> configMapKey = map(valueFrom.getOrDefault("configMapKeyRef", Map.of()));
                if (!configMapKey.isEmpty()) {
                    Doc configMap = find(docs, "ConfigMap", String.valueOf(configMapKey.get("name")));
                    Object value = configMap == null ? null : map(configMap.body().getOrDefault("data", Map.of())).get(configMapKey.get("key"));
                    if (value == null) {
                        problems.add(deployment + ": " + name + " refers to a missing ConfigMap key " + configMapKey);
                    } else {
                        environment.put(name, String.valueOf(value));
                    }
                }
            }
        }
        return environment;
    }

    private static Set<String> secretVariables(Map<String, Object> container) {
        Set<String> names = new LinkedHashSet<>();
        for (Object entry : list(container.getOrDefault("env", List.of()))) {
            Map<String, Object> variable = map(entry);
            if (map(variable.getOrDefault("valueFrom", Map.of())).containsKey("secretKeyRef")) {
                names.add(String.valueOf(variable.get("name")));
            }
        }
        return names;
    }

    /** What compose and Kubernetes alike must give a service: known names, its port, its database, its topics. */
    private static void checkEnvironment(List<String> problems, String where, String service, Map<String, String> environment,
                                         Code code) {
        checkHttpEnvironment(problems, where, service, environment, code);
        if (environment.get("KAFKA_BOOTSTRAP_SERVERS") == null) {
            problems.add(where + ": no KAFKA_BOOTSTRAP_SERVERS");
        }
        String profile = environment.get("QUARKUS_PROFILE");
        if (!PROFILE.equals(profile)) {
            problems.add(where + ": QUARKUS_PROFILE is " + profile + ", the images are built with the " + PROFILE + " profile");
        }
        String database = "fasttrack_" + service.substring(0, service.indexOf('-'));
        String url = String.valueOf(environment.get("QUARKUS_DATASOURCE_JDBC_URL"));
        if (!url.matches("jdbc:postgresql://[^/]+/" + database + "([?].*)?")) {
            problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + url + " is not jdbc:postgresql://<host>/" + database);
        }
        if (environment.get("QUARKUS_DATASOURCE_USERNAME") == null) {
            problems.add(where + ": no QUARKUS_DATASOURCE_USERNAME");
        }
    }

    /**
     * What compose and Kubernetes alike must give the console: known names, its port, each of its REST clients
     * pointed at the service it names ({@code http://<name>-service:<port>}, the Service or compose service of that
     * name), and the token issuer's public key (its default lies under a FASTTRACK_HOME no container has).
     */
    private static void checkConsoleEnvironment(List<String> problems, String where, Map<String, String> environment,
                                                Code code) {
        checkHttpEnvironment(problems, where, CONSOLE, environment, code);
        for (String client : code.consoleClients()) {
            String service = client + "-service";
            String variable = environmentName("quarkus.rest-client." + client + ".url");
            if (!SERVICES.contains(service)) {
                problems.add(where + ": the REST client " + client + " names no service (" + service + ")");
                continue;
            }
            String expected = "http://" + service + ":" + code.ports().get(service);
            if (!expected.equals(environment.get(variable))) {
                problems.add(where + ": " + variable + " is " + environment.get(variable) + ", the " + service + " is " + expected);
            }
        }
        if (environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION") == null) {
            problems.add(where + ": no MP_JWT_VERIFY_PUBLICKEY_LOCATION (the token issuer's public key)");
        }
    }

    /** Known names, the module's own port, and every interface of the container. */
    private static void checkHttpEnvironment(List<String> problems, String where, String module,
                                             Map<String, String> environment, Code code) {
        Set<String> names = new TreeSet<>(environment.keySet());
        for (String name : names) {
            if (!code.reads(module, name) && !IMAGE_VARIABLES.contains(name)) {
                problems.add(where + ": " + name + " is the environment form of no setting of " + module
                        + " (application.properties, shared-events config, or " + QUARKUS_SETTINGS.keySet() + ")");
            }
        }
        int port = code.ports().get(module);
        if (!String.valueOf(port).equals(environment.get("QUARKUS_HTTP_PORT"))) {
            problems.add(where + ": QUARKUS_HTTP_PORT is " + environment.get("QUARKUS_HTTP_PORT") + ", the service's port is " + port);
        }
        if (!"0.0.0.0".equals(environment.get("QUARKUS_HTTP_HOST"))) {
            problems.add(where + ": QUARKUS_HTTP_HOST must be 0.0.0.0 in a container (the code listens on loopback)");
        }
    }

    // ---------------------------------------------------------------- compose

    static List<String> composeProblems(Map<String, Object> compose, Code code) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = services(compose);
        for (String required : List.of("kafka", "postgres", "topic-init")) {
            if (!services.containsKey(required)) {
                problems.add("compose: no service " + required);
            }
        }

        Map<String, Object> kafka = map(services.getOrDefault("kafka", Map.of()));
        if (!kafka.isEmpty()) {
            Map<String, String> env = composeEnvironment(kafka);
            if (!String.valueOf(kafka.get("image")).startsWith("apache/kafka:")) {
                problems.add("compose kafka: image " + kafka.get("image") + " is not apache/kafka");
            }
            String roles = String.valueOf(env.get("KAFKA_PROCESS_ROLES"));
            if (!roles.contains("broker") || !roles.contains("controller") || env.get("CLUSTER_ID") == null) {
                problems.add("compose kafka: not a single KRaft node (KAFKA_PROCESS_ROLES broker,controller and CLUSTER_ID)");
            }
            if (!strings(kafka.get("ports")).contains("127.0.0.1:9092:9092")) {
                problems.add("compose kafka: 9092 not published on 127.0.0.1:9092");
            }
            if (map(kafka.get("healthcheck")).isEmpty()) {
                problems.add("compose kafka: no healthcheck");
            }
        }

        Map<String, Object> postgres = map(services.getOrDefault("postgres", Map.of()));
        if (!postgres.isEmpty()) {
            if (!String.valueOf(postgres.get("image")).startsWith("postgres:15")) {
                problems.add("compose postgres: image " + postgres.get("image") + " is not postgres:15");
            }
            if (map(postgres.get("healthcheck")).isEmpty()) {
                problems.add("compose postgres: no healthcheck");
            }
            StringBuilder initScripts = new StringBuilder();
            for (String volume : strings(postgres.get("volumes"))) {
                String[] parts = volume.split(":");
                if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d") && parts[0].startsWith(".")) {
                    try {
                        initScripts.append(Files.readString(COMPOSE.resolve(parts[0]).normalize()));
                    } catch (IOException e) {
                        problems.add("compose postgres: init script " + parts[0] + " cannot be read: " + e);
                    }
                }
            }
            for (String service : SERVICES) {
                String database = "fasttrack_" + service.substring(0, service.indexOf('-'));
                if (!Pattern.compile("(?i)create\\s+database\\s+\"?" + database + "\\b").matcher(initScripts).find()) {
                    problems.add("compose postgres: no init script creates the database " + database);
                }
            }
        }

        Map<String, Object> topicInit = map(services.getOrDefault("topic-init", Map.of()));
        if (!topicInit.isEmpty()) {
            Map<String, String> env = composeEnvironment(topicInit);
            String command = String.valueOf(topicInit.get("command")) + " " + topicInit.get("entrypoint");
            for (Map.Entry<String, String> topic : code.topics().entrySet()) {
                String variable = environmentName(topic.getKey());
                if (!topic.getValue().equals(env.get(variable))) {
                    problems.add("compose topic-init: " + variable + " is " + env.get(variable) + ", shared-events says " + topic.getValue());
                }
                if (!command.contains(variable)) {
                    problems.add("compose topic-init: the command does not create the topic of " + variable);
                }
            }
            for (String needed : List.of(".dlq", "retention.ms=-1", "--create")) {
                if (!command.contains(needed)) {
                    problems.add("compose topic-init: the command lacks " + needed);
                }
            }
            if (!"service_healthy".equals(condition(topicInit, "kafka"))) {
                problems.add("compose topic-init: must wait for kafka (depends_on condition service_healthy)");
            }
        }

        for (String service : SERVICES) {
            Map<String, Object> definition = map(services.get(service));
            String where = "compose " + service;
            if (definition.isEmpty()) {
                problems.add(where + ": missing");
                continue;
            }
            composeImageProblems(problems, where, service, definition, code.ports().get(service));
            Map<String, String> environment = composeEnvironment(definition);
            checkEnvironment(problems, where, service, environment, code);
            for (Map.Entry<String, String> topic : code.topics().entrySet()) {
                String variable = environmentName(topic.getKey());
                Map<String, String> topicInitEnv = composeEnvironment(topicInit);
                String created = topicInitEnv.getOrDefault(variable, topic.getValue());
                if (!code.topic(topic.getKey(), environment).equals(created)) {
                    problems.add(where + ": " + variable + " is " + environment.get(variable) + " but topic-init creates " + created);
                }
            }
            Map<String, String> wanted = Map.of("kafka", "service_healthy", "postgres", "service_healthy",
                    "topic-init", "service_completed_successfully");
            wanted.forEach((dependency, condition) -> {
                if (!condition.equals(condition(definition, dependency))) {
                    problems.add(where + ": depends_on " + dependency + " needs condition " + condition);
                }
            });
        }

        Map<String, Object> console = map(services.get(CONSOLE));
        String where = "compose " + CONSOLE;
        if (console.isEmpty()) {
            problems.add(where + ": missing");
        } else {
            composeImageProblems(problems, where, CONSOLE, console, code.ports().get(CONSOLE));
            Map<String, String> environment = composeEnvironment(console);
            checkConsoleEnvironment(problems, where, environment, code);
            String key = environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            if (key != null && strings(console.get("volumes")).stream().noneMatch(v -> v.contains(":" + key))) {
                problems.add(where + ": no volume mounts the public key at " + key);
            }
            // its pages are empty until the services answer
            for (String service : SERVICES) {
                if (!"service_healthy".equals(condition(console, service))) {
                    problems.add(where + ": depends_on " + service + " needs condition service_healthy");
                }
            }
        }
        return problems;
    }

    /** A compose service of ours: published on its port on loopback, a healthcheck there, built from our Dockerfile. */
    private static void composeImageProblems(List<String> problems, String where, String name, Map<String, Object> definition,
                                             int port) {
        String published = "127.0.0.1:" + port + ":" + port;
        if (!strings(definition.get("ports")).contains(published)) {
            problems.add(where + ": port " + port + " not published as " + published + ", ports are " + definition.get("ports"));
        }
        String healthcheck = String.valueOf(map(definition.getOrDefault("healthcheck", Map.of())).get("test"));
        if (!healthcheck.contains(":" + port + "/q/health")) {
            problems.add(where + ": no healthcheck on its port " + port + " /q/health (is " + healthcheck + ")");
        }
        if (!String.valueOf(definition.get("image")).startsWith("fasttrack/" + name + ":")) {
            problems.add(where + ": image " + definition.get("image") + " is not fasttrack/" + name + ":<version>");
        }
        Map<String, Object> build = map(definition.getOrDefault("build", Map.of()));
        Path context = COMPOSE.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
        Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize();
        if (build.isEmpty() || !Files.isRegularFile(dockerfile)) {
            problems.add(where + ": build does not name an existing Dockerfile (" + dockerfile + ")");
        }
        if (!name.equals(map(build.getOrDefault("args", Map.of())).get("SERVICE"))) {
            problems.add(where + ": build arg SERVICE must be " + name);
        }
        if (build.containsKey("context") && !Files.isDirectory(context.resolve(name))) {
            problems.add(where + ": build context " + context + " does not hold " + name + "/");
        }
    }

    private static Map<String, Object> services(Map<String, Object> compose) {
        return map(compose.get("services"));
    }

    private static Object condition(Map<String, Object> definition, String dependency) {
        Object dependsOn = definition.get("depends_on");
        if (dependsOn instanceof List) {
            return ((List<?>) dependsOn).contains(dependency) ? "service_started" : null;
        }
        return map(map(dependsOn).getOrDefault(dependency, Map.of())).get("condition");
    }

    /** A compose service's environment (map or KEY=VALUE list) with ${VAR:-default} read as its default. */
    static Map<String, String> composeEnvironment(Map<String, Object> definition) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object raw = definition.get("environment");
        if (raw instanceof List) {
            for (Object entry : (List<?>) raw) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        } else if (raw instanceof Map) {
            ((Map<?, ?>) raw).forEach((k, v) -> environment.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        environment.replaceAll((k, v) -> v == null ? null : v.replaceAll("\\$\\{[A-Za-z0-9_]+:?-([^}]*)}", "$1"));
        return environment;
    }

    // ---------------------------------------------------------------- Dockerfile

    static List<String> dockerfileProblems(String dockerfile) {
        List<String> problems = new ArrayList<>();
        if (!Pattern.compile("(?m)^FROM\\s+eclipse-temurin:17-jre").matcher(dockerfile).find()) {
            problems.add("Dockerfile: not FROM eclipse-temurin:17-jre");
        }
        for (String part : List.of("target/postgres/quarkus-run.jar", "target/postgres/lib/", "target/postgres/app/",
                "target/postgres/quarkus/")) {
            if (!Pattern.compile("(?m)^COPY\\s.*" + Pattern.quote(part)).matcher(dockerfile).find()) {
                problems.add("Dockerfile: does not COPY " + part + " (Quarkus fast-jar of the postgres build)");
            }
        }
        if (!dockerfile.contains("quarkus-run.jar\"]") && !dockerfile.contains("-jar /deployments/quarkus-run.jar")) {
            problems.add("Dockerfile: the entry point does not run quarkus-run.jar");
        }
        for (String variable : IMAGE_VARIABLES) {
            if (!dockerfile.contains("$" + variable)) {
                problems.add("Dockerfile: the entry point does not read $" + variable + ", which the manifests set");
            }
        }
        if (!Pattern.compile("(?m)^USER\\s+(?!root|0\\b)").matcher(dockerfile).find()) {
            problems.add("Dockerfile: runs as root");
        }
        return problems;
    }

    // ---------------------------------------------------------------- loading and helpers

    /** One YAML document of a Kubernetes manifest, with the file it came from. */
    record Doc(Path file, Map<String, Object> body) {
        Object get(String key) {
            return body.get(key);
        }

        String kind() {
            return body.get("kind") == null ? null : String.valueOf(body.get("kind"));
        }

        String name() {
            Object metadata = body.get("metadata");
            return metadata instanceof Map ? (String) ((Map<?, ?>) metadata).get("name") : null;
        }

        @Override
        public String toString() {
            return rel(file) + " " + kind() + " " + name();
        }
    }

    static List<Doc> loadKubernetes() throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Path file : yamlFiles(KUBERNETES)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (Object document : loadAll(file)) {
                docs.add(new Doc(file, map(document)));
            }
        }
        return docs;
    }

    static List<Object> loadAll(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return loadAll(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * Every document, refusing a key given twice in one mapping: kubectl and compose refuse it too, and a lenient
     * reader would keep only the last one (a second {@code volumes:} silently dropping the first).
     */
    static List<Object> loadAll(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(reader)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static List<Path> yamlFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new AssertionError(directory + " does not exist (repository root: " + REPO + ", system property fasttrack.repo)");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        }
    }

    static Doc find(List<Doc> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.kind()) && name.equals(d.name())).findFirst().orElse(null);
    }

    /** The service's container in a Deployment: the one named like the Deployment, else the first. */
    static Map<String, Object> container(Doc deployment) {
        List<Object> containers = list(map(map(map(deployment.body().get("spec")).get("template")).get("spec"))
                .getOrDefault("containers", List.of()));
        return containers.stream().map(DeploymentManifestsTest::map)
                .filter(c -> deployment.name().equals(c.get("name"))).findFirst()
                .orElse(containers.isEmpty() ? null : map(containers.get(0)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : new ArrayList<>();
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).collect(Collectors.toList());
    }

    static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    static String rel(Path file) {
        return file.startsWith(REPO) ? REPO.relativize(file).toString() : file.toString();
    }

    static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(what + ": " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems));
        }
    }

    /** Breaks a fresh copy of deploy/kubernetes and expects a new problem naming every one of {@code expected}. */
    private static void assertKubernetesCaught(Consumer<List<Doc>> breakIt, String... expected) throws IOException {
        List<Doc> docs = loadKubernetes();
        Code code = Code.read();
        List<String> before = kubernetesProblems(docs, code);
        breakIt.accept(docs);
        assertCaught(before, kubernetesProblems(docs, code), expected);
    }

    /** Breaks a fresh copy of compose.yaml and expects a new problem naming every one of {@code expected}. */
    private static void assertComposeCaught(Consumer<Map<String, Object>> breakIt, String... expected) throws IOException {
        Map<String, Object> compose = map(loadAll(COMPOSE_FILE).get(0));
        Code code = Code.read();
        List<String> before = composeProblems(compose, code);
        breakIt.accept(compose);
        assertCaught(before, composeProblems(compose, code), expected);
    }

    private static void assertCaught(List<String> before, List<String> after, String... expected) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        assertFalse(added.isEmpty(), "the broken copy raised no new problem");
        assertTrue(added.stream().anyMatch(p -> Stream.of(expected).allMatch(p::contains)),
                "no new problem names " + List.of(expected) + "; new problems:\n  " + String.join("\n  ", added));
    }
}
