package io.github.cwmarketing.whatsapp.metareference;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Meta's webhook samples: verbatim copies of Meta's documentation, one assembled sample, and proper JSON versions of
 * Meta's two syntax examples. Where each comes from is in the {@code README.md} beside them ({@link #README}).
 */
public final class WebhookSamples {

    /** The folder of the samples on the classpath. */
    public static final String FOLDER = Resources.ROOT + "webhook-samples/";
    /** Where each sample comes from. */
    public static final String README = FOLDER + "README.md";

    /** Every sample file, README excluded. */
    public static final List<String> NAMES = List.of(
            "ASSEMBLED-status-sent-marketing_lite.json",
            "errors-value-level.json",
            "errors-webhook-value-level.syntax.jsonc",
            "mm-click-user_actions.syntax.jsonc",
            "mm-marketing_lite-status-fragment.json",
            "status-delivered-bsuid-parent-phone.json",
            "status-failed-131049.json",
            "status-sent-marketing-cloudapi.json",
            "user-actions-link-click.json");

    private WebhookSamples() {
    }

    /** The bytes of the sample {@code name}, one of {@link #NAMES}. */
    public static byte[] read(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("No webhook sample " + name + "; the samples are " + NAMES);
        }
        return Resources.read(FOLDER + name);
    }

    /** The text (UTF-8) of the sample {@code name}. */
    public static String text(String name) {
        return new String(read(name), StandardCharsets.UTF_8);
    }

    /** The samples that are whole webhook POST bodies carrying message statuses, in name order. */
    public static List<String> statusPayloads() {
        return NAMES.stream()
                .filter(name -> name.endsWith(".json"))
                .filter(name -> {
                    String text = text(name);
                    return text.contains("\"whatsapp_business_account\"") && text.contains("\"statuses\"");
                })
                .toList();
    }
}
