package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard in docs/grafana asks only for what the component really emits: every metric each PromQL query
 * (and each variable's {@code label_values}) names is a series of a real run's Prometheus scrape
 * ({@link MetricsScenario}), every label it matches or groups by is one of that metric's labels, and every value it
 * matches exactly is one the run produced. It also has the panels docs/metrics.md promises.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("../docs/grafana/whatsapp-marketing-dashboard.json");
    /** PromQL words the dashboard may use besides metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "rate", "increase", "histogram_quantile", "by", "without",
            "avg", "max", "min", "count", "topk", "irate", "clamp_min", "label_values");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,"
                                                                + "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

    private static JsonNode dashboard;
    /** Metric (sample) name → label → the values seen. */
    private static final Map<String, Map<String, Set<String>>> SERIES = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})? \\S+$", Pattern.MULTILINE);
        Matcher line = sample.matcher(MetricsScenario.result().scrape());
        while (line.find()) {
            Map<String, Set<String>> labels = SERIES.computeIfAbsent(line.group(1), name -> new HashMap<>());
            if (line.group(2) != null) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"").matcher(line.group(2));
                while (label.find()) {
                    labels.computeIfAbsent(label.group(1), key -> new HashSet<>()).add(label.group(2));
                }
            }
        }
        assertThat(SERIES).containsKey("whatsapp_marketing_sends_total");
    }

    @Test
    void everyQueryNamesOnlyEmittedMetricsLabelsAndValues() {
        List<String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        queries.forEach(query -> problems.addAll(problems(query)));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableListsLabelsOfAnEmittedMetric() {
        List<String> variables = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                String query = variable.path("query").isObject() ? variable.path("query").path("query").asText()
                        : variable.path("query").asText();
                Matcher values = LABEL_VALUES.matcher(query);
                assertThat(values.matches()).as(query).isTrue();
                assertThat(SERIES).as(query).containsKey(values.group(1));
                assertThat(SERIES.get(values.group(1))).as(query).containsKey(values.group(2));
                variables.add(variable.path("name").asText());
            }
        }
        assertThat(variables).containsExactlyInAnyOrder("phone_number_id", "template");
    }

    @Test
    void hasThePanelsTheDocsPromise() {
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> titles.add(panel.path("title").asText()));
        assertThat(titles).contains("Sends per second by outcome", "Failures by error code", "Status funnel",
                "MM API vs Cloud API", "Pacing rate against the tier", "Send latency");
        JsonNode pacing = panels().stream().filter(panel -> panel.path("title").asText().startsWith("Pacing"))
                .findFirst().orElseThrow();
        List<Integer> tiers = new ArrayList<>();
        pacing.path("fieldConfig").path("defaults").path("thresholds").path("steps")
                .forEach(step -> tiers.add(step.path("value").isNull() ? null : step.path("value").asInt()));
        assertThat(tiers).as("Meta's throughput tiers as threshold lines").contains(80, 1000);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
    }

    private static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
        }
        return queries;
    }

    private static List<String> problems(String query) {
        List<String> problems = new ArrayList<>();
        Set<String> metrics = new HashSet<>();
        Matcher selector = SELECTOR.matcher(query);
        while (selector.find()) {
            String metric = selector.group(1);
            metrics.add(metric);
            Map<String, Set<String>> labels = SERIES.get(metric);
            if (labels == null) {
                continue; // reported below
            }
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                String label = matcher.group(1);
                String op = matcher.group(2);
                String value = matcher.group(3);
                if (!labels.containsKey(label)) {
                    problems.add(metric + " has no label " + label + ": " + query);
                } else if (!value.startsWith("$") && (op.equals("=") || op.equals("=~"))) {
                    for (String alternative : op.equals("=") ? List.of(value) : List.of(value.split("\\|"))) {
                        if (!labels.get(label).contains(alternative)) {
                            problems.add(metric + "{" + label + "} never was " + alternative + ": " + query);
                        }
                    }
                }
            }
        }
        String bare = query.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Matcher grouping = GROUPING.matcher(bare);
        Set<String> groupLabels = new HashSet<>();
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                groupLabels.add(label.trim());
            }
        }
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            if (PROMQL.contains(word)) {
                continue;
            }
            metrics.add(word);
        }
        for (String metric : metrics) {
            if (!SERIES.containsKey(metric)) {
                problems.add("not emitted: " + metric + " in " + query);
            }
        }
        for (String label : groupLabels) {
            boolean known = metrics.stream().anyMatch(metric -> SERIES.containsKey(metric)
                                                                && SERIES.get(metric).containsKey(label));
            if (!known) {
                problems.add("no metric of the query has the label " + label + ": " + query);
            }
        }
        return problems;
    }
}
