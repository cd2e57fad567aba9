package io.github.cwmarketing.whatsapp;

/**
 * What a send does with a recipient in the United States: Meta does not deliver marketing templates to US users
 * (error 131049 since April 2025), so by default such a send is refused before any request. Recognised by region with
 * libphonenumber: +1 also covers Canada and the Caribbean, which are sent; a +1 number of no known region counts as US.
 */
public enum UsRecipients {
    /** Refuse the send with a validation error, before any request. */
    REJECT,
    /** Send it anyway (Meta will most likely fail it). */
    SEND
}
