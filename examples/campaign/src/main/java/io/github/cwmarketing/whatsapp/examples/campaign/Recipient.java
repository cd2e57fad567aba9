package io.github.cwmarketing.whatsapp.examples.campaign;

import java.util.List;

/**
 * One row of the recipients CSV.
 */
public record Recipient(String phone, String firstName, String language) {

    /** The template's positional body parameters: the List body the send producer accepts. */
    public List<String> templateParameters() {
        return List.of(firstName);
    }
}
