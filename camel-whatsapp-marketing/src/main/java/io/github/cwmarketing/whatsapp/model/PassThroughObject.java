package io.github.cwmarketing.whatsapp.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A JSON object of a marketing message whose fields this model does not know (fields Meta added later, or that only
 * some templates use, such as {@code date_time.day_of_week} or a {@code product} parameter) are kept in
 * {@link #getAdditionalFields()}, in the order they came, and written back after the known fields. So a payload read
 * into the typed model is sent whole.
 */
public abstract class PassThroughObject {

    private final Map<String, Object> additionalFields = new LinkedHashMap<>();

    /** The fields this model does not know, in the order they were read or set. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalFields() {
        return additionalFields;
    }

    @JsonAnySetter
    public void setAdditionalField(String name, Object value) {
        additionalFields.put(name, value);
    }

    /** Copies the other object's additional fields into this one (their values are shared). */
    protected void copyAdditionalFieldsFrom(PassThroughObject other) {
        additionalFields.putAll(other.additionalFields);
    }
}
