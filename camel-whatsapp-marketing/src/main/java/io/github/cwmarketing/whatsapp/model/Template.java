package io.github.cwmarketing.whatsapp.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The template of a marketing message: its approved name, its language and the components that fill its parameters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Template extends PassThroughObject {

    @JsonProperty("name")
    private String name;
    @JsonProperty("language")
    private TemplateLanguage language;
    @JsonProperty("components")
    private List<TemplateComponent> components;

    public Template() {
    }

    public Template(String name, String languageCode) {
        this.name = name;
        this.language = languageCode == null ? null : new TemplateLanguage(languageCode);
    }

    /** A copy with its own language; the component list and the values of additional fields are shared. */
    public Template copy() {
        Template copy = new Template();
        copy.name = name;
        copy.language = language == null ? null : language.copy();
        copy.components = components;
        copy.copyAdditionalFieldsFrom(this);
        return copy;
    }

    public Template addComponents(TemplateComponent... added) {
        if (components == null) {
            components = new ArrayList<>();
        }
        components.addAll(Arrays.asList(added));
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TemplateLanguage getLanguage() {
        return language;
    }

    public void setLanguage(TemplateLanguage language) {
        this.language = language;
    }

    public List<TemplateComponent> getComponents() {
        return components;
    }

    public void setComponents(List<TemplateComponent> components) {
        this.components = components;
    }
}
