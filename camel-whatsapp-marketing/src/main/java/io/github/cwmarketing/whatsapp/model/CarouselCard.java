package io.github.cwmarketing.whatsapp.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One card of a carousel component, with its own header, body and button components.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CarouselCard extends PassThroughObject {

    @JsonProperty("card_index")
    private Integer cardIndex;
    @JsonProperty("components")
    private List<TemplateComponent> components;

    public CarouselCard() {
    }

    public CarouselCard(int cardIndex, TemplateComponent... components) {
        this.cardIndex = cardIndex;
        this.components = new ArrayList<>(Arrays.asList(components));
    }

    public Integer getCardIndex() {
        return cardIndex;
    }

    public void setCardIndex(Integer cardIndex) {
        this.cardIndex = cardIndex;
    }

    public List<TemplateComponent> getComponents() {
        return components;
    }

    public void setComponents(List<TemplateComponent> components) {
        this.components = components;
    }
}
