package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Graph API's answer to an update ({@code POST /<WABA_ID>}, {@code POST /<TEMPLATE_ID>}):
 * {@code {"success": true}} or {@code {"id": "<object id>"}}, depending on the node and version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class UpdateResult {

    private final Boolean success;
    private final String id;

    @JsonCreator
    public UpdateResult(@JsonProperty("success") Boolean success, @JsonProperty("id") String id) {
        this.success = success;
        this.id = id;
    }

    /** {@code success} as Meta returned it; null when the answer carried an id instead. */
    @JsonProperty("success")
    public Boolean getSuccess() {
        return success;
    }

    /** {@code id} of the updated object when Meta returned it (e.g. the WABA id), else null. */
    @JsonProperty("id")
    public String getId() {
        return id;
    }

    /** True unless Meta answered {@code success: false}. */
    public boolean isSuccessful() {
        return !Boolean.FALSE.equals(success);
    }

    @Override
    public String toString() {
        return "UpdateResult[success=" + success + ", id=" + id + "]";
    }
}
