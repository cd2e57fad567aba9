package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The envelope of a Graph API error: {@code {"error": {...}}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class GraphApiErrorResponse {

    @JsonProperty("error")
    private GraphApiError error;

    public GraphApiError getError() {
        return error;
    }

    public void setError(GraphApiError error) {
        this.error = error;
    }
}
