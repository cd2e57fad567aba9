package io.github.cwmarketing.whatsapp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cwmarketing.whatsapp.metrics.MetricNames;
import io.micrometer.core.instrument.Meter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/metrics.md documents what a real run ({@link MetricsScenario}) emits: each meter in its meters table, each
 * Prometheus series and label; and every meter name of {@link MetricNames} is emitted by it.
 */
class MetricsDocumentationTest {

    private static final Path DOC = Path.of("../docs/metrics.md");

    private static String doc;
    private static String meters;
    private static Set<String> emitted;

    @BeforeAll
    static void load() throws Exception {
        doc = Files.readString(DOC);
        meters = section("## The meters", "## Grafana dashboard");
        emitted = new TreeSet<>();
        for (Meter meter : MetricsScenario.result().registry().getMeters()) {
            if (meter.getId().getName().startsWith(MetricNames.PREFIX)) {
                emitted.add(meter.getId().getName());
            }
        }
    }

    private static String section(String from, String to) {
        int start = doc.indexOf(from);
        int end = doc.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return doc.substring(start, end);
    }

    private static Set<String> constants(boolean meterNames) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : MetricNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                && !field.getName().equals("PREFIX")) {
                String value = (String) field.get(null);
                if (value.startsWith(MetricNames.PREFIX) == meterNames) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    @Test
    void everyEmittedMeterIsInTheMetersTable() {
        assertThat(emitted).hasSize(10);
        emitted.forEach(name -> assertThat(meters).contains("`" + name + "`"));
    }

    @Test
    void everyMeterNameIsEmitted() throws Exception {
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(constants(true));
    }

    @Test
    void everyTagAndEveryPrometheusSeriesAndLabelIsDocumented() throws Exception {
        constants(false).forEach(tag -> assertThat(meters).contains("`" + tag + "`"));
        String scrape = MetricsScenario.result().scrape();
        Matcher family = Pattern.compile("^# TYPE (whatsapp_marketing_\\w+) ", Pattern.MULTILINE).matcher(scrape);
        int families = 0;
        while (family.find()) {
            families++;
            // a timer's _max gauge is documented as a suffix beside its other series
            assertThat(meters).contains("`" + family.group(1).replaceFirst("_max$", ""));
        }
        assertThat(families).isGreaterThanOrEqualTo(8);
        Matcher label = Pattern.compile("[{,]([a-z_]+)=\"").matcher(scrape);
        while (label.find()) {
            if (!label.group(1).equals("le")) {
                assertThat(meters).contains(label.group(1).contains("_") ? "`" + label.group(1) + "`"
                        : "`" + label.group(1));
            }
        }
    }
}
