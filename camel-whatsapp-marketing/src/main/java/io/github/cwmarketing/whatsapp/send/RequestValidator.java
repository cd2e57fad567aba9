package io.github.cwmarketing.whatsapp.send;

import java.util.List;
import java.util.regex.Pattern;

import io.github.cwmarketing.whatsapp.model.CarouselCard;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.Media;
import io.github.cwmarketing.whatsapp.model.Template;
import io.github.cwmarketing.whatsapp.model.TemplateComponent;
import io.github.cwmarketing.whatsapp.model.TemplateLanguage;
import io.github.cwmarketing.whatsapp.model.TemplateParameter;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.util.Digits;
import org.apache.camel.util.ObjectHelper;

/**
 * Meta's rules for a marketing message, checked before any network call. The first broken rule is thrown as a
 * {@link WhatsAppMarketingValidationException} naming the JSON path of the field.
 */
public final class RequestValidator {

    public static final int HEADER_TEXT_MAX = 60;
    public static final int BODY_TEXT_MAX = 1024;
    public static final int BODY_ONLY_TEXT_MAX = 32768;
    public static final int COUPON_CODE_MAX = 15;
    public static final int BIZ_OPAQUE_CALLBACK_DATA_MAX = 512;
    public static final int PHONE_NUMBER_MAX_DIGITS = 20;

    /** ISO 3166 alpha-2 country, optional ENT (parent BSUID), then up to 128 alphanumerics. */
    private static final Pattern BSUID = Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");

    public void validate(MarketingMessageRequest request) {
        require(MarketingMessageRequest.MESSAGING_PRODUCT.equals(request.getMessagingProduct()),
                "messaging_product", "must be \"whatsapp\"");
        require(MarketingMessageRequest.RECIPIENT_TYPE_INDIVIDUAL.equals(request.getRecipientType()),
                "recipient_type", "must be \"individual\"");
        require(MarketingMessageRequest.TYPE_TEMPLATE.equals(request.getType()), "type",
                "must be \"template\": the Marketing Messages API sends only marketing templates");
        validateRecipient(request);
        validateTemplate(request.getTemplate());
        if (request.getBizOpaqueCallbackData() != null) {
            require(request.getBizOpaqueCallbackData().length() <= BIZ_OPAQUE_CALLBACK_DATA_MAX,
                    "biz_opaque_callback_data", "must be at most " + BIZ_OPAQUE_CALLBACK_DATA_MAX + " characters");
        }
        if (request.getBidSpec() != null) {
            Double multiplier = request.getBidSpec().getPerMessageBidMultiplier();
            require(multiplier != null && multiplier > 0, "bid_spec.per_message_bid_multiplier",
                    "must be a positive number");
            require(request.getTo() != null, "bid_spec",
                    "is not supported when sending to a BSUID only (Meta error 131062): send to a phone number");
        }
    }

    /** A business phone number id goes into the URL path: digits only. */
    public static void validatePhoneNumberId(String phoneNumberId) {
        require(phoneNumberId != null && !phoneNumberId.isEmpty(), "phoneNumberId",
                "is required: set the phoneNumberId option or the CamelWhatsAppMarketingPhoneNumberId header");
        require(Digits.isDigits(phoneNumberId, 0), "phoneNumberId", "must contain digits only");
    }

    private void validateRecipient(MarketingMessageRequest request) {
        String to = request.getTo();
        String recipient = request.getRecipient();
        require(to != null || recipient != null, "to",
                "a phone number (to) or a BSUID (recipient) is required");
        if (to != null) {
            PhoneNumbers.parse(to);
        }
        if (recipient != null) {
            require(BSUID.matcher(recipient).matches(), "recipient",
                    "must be a business-scoped user id such as US.13491208655302741918");
        }
    }

    private void validateTemplate(Template template) {
        require(template != null, "template", "is required");
        require(ObjectHelper.isNotEmpty(template.getName()), "template.name",
                "is required: set it in the payload, the CamelWhatsAppMarketingTemplateName header or the templateName"
                                                               + " option");
        TemplateLanguage language = template.getLanguage();
        require(language != null && ObjectHelper.isNotEmpty(language.getCode()), "template.language.code",
                "is required: set it in the payload, the CamelWhatsAppMarketingTemplateLanguage header or the"
                                                                   + " templateLanguage option");
        require(language.getPolicy() == null || TemplateLanguage.DETERMINISTIC.equals(language.getPolicy()),
                "template.language.policy", "must be \"deterministic\", the only policy Meta supports");
        List<TemplateComponent> components = template.getComponents();
        if (components != null) {
            boolean bodyOnly = components.size() == 1;
            validateComponents(components, "template.components", bodyOnly);
        }
    }

    private void validateComponents(List<TemplateComponent> components, String path, boolean bodyOnly) {
        for (int i = 0; i < components.size(); i++) {
            validateComponent(components.get(i), path + "[" + i + "]", bodyOnly);
        }
    }

    private void validateComponent(TemplateComponent component, String path, boolean bodyOnly) {
        require(component != null && component.getType() != null, path + ".type", "is required");
        switch (component.getType()) {
            case TemplateComponent.BUTTON -> validateButton(component, path);
            case TemplateComponent.CAROUSEL -> validateCarousel(component, path);
            default -> {
                // header, body, limited_time_offer and future types carry parameters only
            }
        }
        List<TemplateParameter> parameters = component.getParameters();
        if (parameters != null) {
            int textMax = textMax(component.getType(), bodyOnly);
            for (int i = 0; i < parameters.size(); i++) {
                validateParameter(parameters.get(i), path + ".parameters[" + i + "]", textMax);
            }
        }
    }

    private static int textMax(String componentType, boolean bodyOnly) {
        if (TemplateComponent.HEADER.equals(componentType)) {
            return HEADER_TEXT_MAX;
        }
        if (TemplateComponent.BODY.equals(componentType)) {
            return bodyOnly ? BODY_ONLY_TEXT_MAX : BODY_TEXT_MAX;
        }
        return Integer.MAX_VALUE;
    }

    private void validateButton(TemplateComponent button, String path) {
        require(ObjectHelper.isNotEmpty(button.getSubType()), path + ".sub_type",
                "is required for a button (quick_reply, url, catalog, copy_code...)");
        String index = button.getIndex();
        require(index != null && index.length() == 1 && Digits.isDigits(index, 0), path + ".index",
                "must be a button index from 0 to 9");
    }

    private void validateCarousel(TemplateComponent carousel, String path) {
        List<CarouselCard> cards = carousel.getCards();
        require(cards != null && !cards.isEmpty(), path + ".cards", "a carousel needs at least one card");
        for (int i = 0; i < cards.size(); i++) {
            CarouselCard card = cards.get(i);
            String cardPath = path + ".cards[" + i + "]";
            require(card != null && card.getCardIndex() != null, cardPath + ".card_index", "is required");
            if (card.getComponents() != null) {
                validateComponents(card.getComponents(), cardPath + ".components", false);
            }
        }
    }

    private void validateParameter(TemplateParameter parameter, String path, int textMax) {
        require(parameter != null && parameter.getType() != null, path + ".type", "is required");
        switch (parameter.getType()) {
            case TemplateParameter.TEXT -> {
                require(parameter.getText() != null, path + ".text", "is required for a text parameter");
                require(parameter.getText().length() <= textMax, path + ".text",
                        "must be at most " + textMax + " characters, was " + parameter.getText().length());
            }
            case TemplateParameter.CURRENCY -> require(parameter.getCurrency() != null
                    && parameter.getCurrency().getCode() != null && parameter.getCurrency().getAmount1000() != null
                    && parameter.getCurrency().getFallbackValue() != null, path + ".currency",
                    "needs fallback_value, code and amount_1000");
            case TemplateParameter.DATE_TIME -> require(parameter.getDateTime() != null
                    && parameter.getDateTime().getFallbackValue() != null, path + ".date_time.fallback_value",
                    "is required");
            case TemplateParameter.IMAGE -> validateMedia(parameter.getImage(), path + ".image");
            case TemplateParameter.VIDEO -> validateMedia(parameter.getVideo(), path + ".video");
            case TemplateParameter.DOCUMENT -> validateMedia(parameter.getDocument(), path + ".document");
            case TemplateParameter.LOCATION -> require(parameter.getLocation() != null
                    && parameter.getLocation().getLatitude() != null && parameter.getLocation().getLongitude() != null,
                    path + ".location", "needs latitude and longitude");
            case TemplateParameter.PAYLOAD -> require(parameter.getPayload() != null, path + ".payload",
                    "is required for a payload parameter");
            case TemplateParameter.COUPON_CODE -> {
                require(parameter.getCouponCode() != null, path + ".coupon_code", "is required");
                require(parameter.getCouponCode().length() <= COUPON_CODE_MAX, path + ".coupon_code",
                        "must be at most " + COUPON_CODE_MAX + " characters");
            }
            case TemplateParameter.ACTION -> require(parameter.getAction() != null, path + ".action", "is required");
            case TemplateParameter.LIMITED_TIME_OFFER -> require(parameter.getLimitedTimeOffer() != null
                    && parameter.getLimitedTimeOffer().getExpirationTimeMs() != null,
                    path + ".limited_time_offer.expiration_time_ms", "is required");
            default -> {
                // a parameter type Meta added later: passed through unchecked
            }
        }
    }

    private static void validateMedia(Media media, String path) {
        require(media != null && (media.getId() != null) != (media.getLink() != null), path,
                "needs either an id or a link (not both)");
    }

    private static void require(boolean rule, String field, String description) {
        if (!rule) {
            throw new WhatsAppMarketingValidationException(field, description);
        }
    }
}
