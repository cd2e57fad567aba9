package io.github.cwmarketing.whatsapp;

/**
 * Where the component keeps the pacing of each phone number id (the component's {@code pacing} option; a
 * {@code pacerFactory} set explicitly takes precedence).
 */
public enum WhatsAppMarketingPacing {
    /** In this JVM: each instance paces on its own, so N instances send N times the rate. */
    LOCAL,
    /**
     * In a PostgreSQL table shared by every instance ({@code pacingDataSource}, else the registry's only DataSource):
     * the instances together stay within each number's rate.
     */
    DATABASE
}
