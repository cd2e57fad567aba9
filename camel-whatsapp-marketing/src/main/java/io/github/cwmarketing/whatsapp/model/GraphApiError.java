package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code error} object of a Graph API error response.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class GraphApiError {

    @JsonProperty("message")
    private String message;
    @JsonProperty("type")
    private String type;
    @JsonProperty("code")
    private Integer code;
    @JsonProperty("error_subcode")
    private Integer errorSubcode;
    @JsonProperty("error_data")
    private ErrorData errorData;
    @JsonProperty("fbtrace_id")
    private String fbtraceId;
    @JsonProperty("is_transient")
    private Boolean isTransient;
    @JsonProperty("error_user_title")
    private String errorUserTitle;
    @JsonProperty("error_user_msg")
    private String errorUserMsg;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getCode() {
        return code;
    }

    public void setCode(Integer code) {
        this.code = code;
    }

    public Integer getErrorSubcode() {
        return errorSubcode;
    }

    public void setErrorSubcode(Integer errorSubcode) {
        this.errorSubcode = errorSubcode;
    }

    public ErrorData getErrorData() {
        return errorData;
    }

    public void setErrorData(ErrorData errorData) {
        this.errorData = errorData;
    }

    public String getFbtraceId() {
        return fbtraceId;
    }

    public void setFbtraceId(String fbtraceId) {
        this.fbtraceId = fbtraceId;
    }

    public Boolean getIsTransient() {
        return isTransient;
    }

    public void setIsTransient(Boolean isTransient) {
        this.isTransient = isTransient;
    }

    public String getErrorUserTitle() {
        return errorUserTitle;
    }

    public void setErrorUserTitle(String errorUserTitle) {
        this.errorUserTitle = errorUserTitle;
    }

    public String getErrorUserMsg() {
        return errorUserMsg;
    }

    public void setErrorUserMsg(String errorUserMsg) {
        this.errorUserMsg = errorUserMsg;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class ErrorData {

        @JsonProperty("messaging_product")
        private String messagingProduct;
        @JsonProperty("details")
        private String details;

        public String getMessagingProduct() {
            return messagingProduct;
        }

        public void setMessagingProduct(String messagingProduct) {
            this.messagingProduct = messagingProduct;
        }

        public String getDetails() {
            return details;
        }

        public void setDetails(String details) {
            this.details = details;
        }
    }
}
