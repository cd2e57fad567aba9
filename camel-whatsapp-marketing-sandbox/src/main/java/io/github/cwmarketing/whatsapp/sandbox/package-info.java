/**
 * A WireMock-based simulator of the Graph API endpoints of the Marketing Messages API for WhatsApp (sending, with
 * signed status webhooks, and the account and template settings).
 * <ul>
 * <li>{@link io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox}: build, start, inspect and stop a sandbox;</li>
 * <li>{@link io.github.cwmarketing.whatsapp.sandbox.Scenarios}: what happens to a message, by recipient;</li>
 * <li>{@link io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxExtension}: the JUnit 5 extension;</li>
 * <li>{@link io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxMain}: the command line;</li>
 * <li>{@link io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxBean}: a sandbox that a container (a Camel YAML
 * {@code beans} entry) configures from properties and starts.</li>
 * </ul>
 */
package io.github.cwmarketing.whatsapp.sandbox;
