package io.github.cwmarketing.whatsapp.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One parameter of a template component. The {@code type} says which of the value fields is set; the static factories
 * build each kind. {@code parameter_name} is set for templates created with named parameters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateParameter extends PassThroughObject {

    public static final String TEXT = "text";
    public static final String CURRENCY = "currency";
    public static final String DATE_TIME = "date_time";
    public static final String IMAGE = "image";
    public static final String VIDEO = "video";
    public static final String DOCUMENT = "document";
    public static final String LOCATION = "location";
    public static final String PAYLOAD = "payload";
    public static final String COUPON_CODE = "coupon_code";
    public static final String ACTION = "action";
    public static final String LIMITED_TIME_OFFER = "limited_time_offer";

    @JsonProperty("type")
    private String type;
    @JsonProperty("parameter_name")
    private String parameterName;
    @JsonProperty("text")
    private String text;
    @JsonProperty("currency")
    private Currency currency;
    @JsonProperty("date_time")
    private DateTimeValue dateTime;
    @JsonProperty("image")
    private Media image;
    @JsonProperty("video")
    private Media video;
    @JsonProperty("document")
    private Media document;
    @JsonProperty("location")
    private Location location;
    @JsonProperty("payload")
    private String payload;
    @JsonProperty("coupon_code")
    private String couponCode;
    @JsonProperty("action")
    private Map<String, Object> action;
    @JsonProperty("limited_time_offer")
    private LimitedTimeOffer limitedTimeOffer;

    public TemplateParameter() {
    }

    private TemplateParameter(String type) {
        this.type = type;
    }

    public static TemplateParameter text(String text) {
        TemplateParameter parameter = new TemplateParameter(TEXT);
        parameter.text = text;
        return parameter;
    }

    public static TemplateParameter namedText(String parameterName, String text) {
        return text(text).withParameterName(parameterName);
    }

    public static TemplateParameter currency(String fallbackValue, String code, long amount1000) {
        TemplateParameter parameter = new TemplateParameter(CURRENCY);
        parameter.currency = new Currency(fallbackValue, code, amount1000);
        return parameter;
    }

    public static TemplateParameter dateTime(String fallbackValue) {
        TemplateParameter parameter = new TemplateParameter(DATE_TIME);
        parameter.dateTime = new DateTimeValue(fallbackValue);
        return parameter;
    }

    public static TemplateParameter image(Media media) {
        TemplateParameter parameter = new TemplateParameter(IMAGE);
        parameter.image = media;
        return parameter;
    }

    public static TemplateParameter video(Media media) {
        TemplateParameter parameter = new TemplateParameter(VIDEO);
        parameter.video = media;
        return parameter;
    }

    public static TemplateParameter document(Media media) {
        TemplateParameter parameter = new TemplateParameter(DOCUMENT);
        parameter.document = media;
        return parameter;
    }

    public static TemplateParameter location(Location location) {
        TemplateParameter parameter = new TemplateParameter(LOCATION);
        parameter.location = location;
        return parameter;
    }

    public static TemplateParameter payload(String payload) {
        TemplateParameter parameter = new TemplateParameter(PAYLOAD);
        parameter.payload = payload;
        return parameter;
    }

    public static TemplateParameter couponCode(String couponCode) {
        TemplateParameter parameter = new TemplateParameter(COUPON_CODE);
        parameter.couponCode = couponCode;
        return parameter;
    }

    public static TemplateParameter action(Map<String, Object> action) {
        TemplateParameter parameter = new TemplateParameter(ACTION);
        parameter.action = action;
        return parameter;
    }

    public static TemplateParameter limitedTimeOffer(long expirationTimeMs) {
        TemplateParameter parameter = new TemplateParameter(LIMITED_TIME_OFFER);
        parameter.limitedTimeOffer = new LimitedTimeOffer(expirationTimeMs);
        return parameter;
    }

    public TemplateParameter withParameterName(String parameterName) {
        this.parameterName = parameterName;
        return this;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getParameterName() {
        return parameterName;
    }

    public void setParameterName(String parameterName) {
        this.parameterName = parameterName;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Currency getCurrency() {
        return currency;
    }

    public void setCurrency(Currency currency) {
        this.currency = currency;
    }

    public DateTimeValue getDateTime() {
        return dateTime;
    }

    public void setDateTime(DateTimeValue dateTime) {
        this.dateTime = dateTime;
    }

    public Media getImage() {
        return image;
    }

    public void setImage(Media image) {
        this.image = image;
    }

    public Media getVideo() {
        return video;
    }

    public void setVideo(Media video) {
        this.video = video;
    }

    public Media getDocument() {
        return document;
    }

    public void setDocument(Media document) {
        this.document = document;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode;
    }

    public Map<String, Object> getAction() {
        return action;
    }

    public void setAction(Map<String, Object> action) {
        this.action = action;
    }

    public LimitedTimeOffer getLimitedTimeOffer() {
        return limitedTimeOffer;
    }

    public void setLimitedTimeOffer(LimitedTimeOffer limitedTimeOffer) {
        this.limitedTimeOffer = limitedTimeOffer;
    }
}
