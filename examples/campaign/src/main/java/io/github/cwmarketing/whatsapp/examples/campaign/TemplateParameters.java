package io.github.cwmarketing.whatsapp.examples.campaign;

import java.util.List;
import java.util.Map;

/**
 * Turns a CSV row into the template's positional body parameters (the List body the send producer accepts).
 */
public class TemplateParameters {

    public List<String> firstName(Map<String, String> row) {
        return List.of(row.get("first_name"));
    }
}
