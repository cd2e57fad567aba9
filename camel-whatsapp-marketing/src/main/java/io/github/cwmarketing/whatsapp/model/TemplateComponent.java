package io.github.cwmarketing.whatsapp.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A component of a template message: header, body, button (with sub_type and index), carousel (with cards) or
 * limited_time_offer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateComponent extends PassThroughObject {

    public static final String HEADER = "header";
    public static final String BODY = "body";
    public static final String BUTTON = "button";
    public static final String CAROUSEL = "carousel";
    public static final String LIMITED_TIME_OFFER = "limited_time_offer";

    @JsonProperty("type")
    private String type;
    @JsonProperty("sub_type")
    private String subType;
    @JsonProperty("index")
    private String index;
    @JsonProperty("parameters")
    private List<TemplateParameter> parameters;
    @JsonProperty("cards")
    private List<CarouselCard> cards;

    public TemplateComponent() {
    }

    public TemplateComponent(String type, List<TemplateParameter> parameters) {
        this.type = type;
        this.parameters = parameters;
    }

    public static TemplateComponent header(TemplateParameter... parameters) {
        return new TemplateComponent(HEADER, new ArrayList<>(Arrays.asList(parameters)));
    }

    public static TemplateComponent body(TemplateParameter... parameters) {
        return new TemplateComponent(BODY, new ArrayList<>(Arrays.asList(parameters)));
    }

    /**
     * A button component, e.g. {@code button("url", 0, TemplateParameter.text("summer-sale"))}.
     */
    public static TemplateComponent button(String subType, int index, TemplateParameter... parameters) {
        TemplateComponent component = new TemplateComponent(BUTTON, new ArrayList<>(Arrays.asList(parameters)));
        component.subType = subType;
        component.index = Integer.toString(index);
        return component;
    }

    public static TemplateComponent limitedTimeOffer(long expirationTimeMs) {
        return new TemplateComponent(LIMITED_TIME_OFFER,
                new ArrayList<>(List.of(TemplateParameter.limitedTimeOffer(expirationTimeMs))));
    }

    public static TemplateComponent carousel(CarouselCard... cards) {
        TemplateComponent component = new TemplateComponent();
        component.type = CAROUSEL;
        component.cards = new ArrayList<>(Arrays.asList(cards));
        return component;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSubType() {
        return subType;
    }

    public void setSubType(String subType) {
        this.subType = subType;
    }

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    public List<TemplateParameter> getParameters() {
        return parameters;
    }

    public void setParameters(List<TemplateParameter> parameters) {
        this.parameters = parameters;
    }

    public List<CarouselCard> getCards() {
        return cards;
    }

    public void setCards(List<CarouselCard> cards) {
        this.cards = cards;
    }
}
