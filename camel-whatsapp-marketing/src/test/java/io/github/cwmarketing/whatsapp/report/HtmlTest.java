package io.github.cwmarketing.whatsapp.report;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void textIsEscapedForContentAndAttributesAndClipped() {
        assertThat(Html.text("<a href=\"x\" title='y'>&</a>")).isEqualTo(
                "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.text("a\u0000b\nc\u001bd")).isEqualTo("ab cd");
        assertThat(Html.text("x".repeat(300))).hasSize(Html.MAX_TEXT + "&#x2026;".length()).endsWith("&#x2026;");
        assertThat(Html.text("ab\uD83D\uDE00", 3)).as("a pair is never cut").isEqualTo("ab&#x2026;");
        assertThat(Html.text("herbst-\u00e4 \uD83D\uDE00")).as("ASCII only").isEqualTo("herbst-&#xe4; &#x1f600;");
        assertThat(Html.text(null)).isEmpty();
    }

    @Test
    void numbersAndDurationsReadTheSameInEveryLocale() {
        assertThat(Html.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Html.percent(1, 3)).isEqualTo("33.3%");
        assertThat(Html.percent(1, 0)).isEqualTo("&ndash;");
        assertThat(Html.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Html.duration(Duration.ofMillis(2_500))).isEqualTo("2.5 s");
        assertThat(Html.duration(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(Html.duration(Duration.ofSeconds(725))).isEqualTo("12 min 5 s");
        assertThat(Html.duration(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(Html.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }
}
