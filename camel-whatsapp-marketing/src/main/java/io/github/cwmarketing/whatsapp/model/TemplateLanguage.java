package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The language of a template: a code such as {@code en} or {@code en_US}, and the only policy Meta supports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateLanguage extends PassThroughObject {

    public static final String DETERMINISTIC = "deterministic";

    @JsonProperty("code")
    private String code;
    @JsonProperty("policy")
    private String policy;

    public TemplateLanguage() {
    }

    public TemplateLanguage(String code) {
        this.code = code;
    }

    public TemplateLanguage copy() {
        TemplateLanguage copy = new TemplateLanguage(code);
        copy.policy = policy;
        copy.copyAdditionalFieldsFrom(this);
        return copy;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }
}
