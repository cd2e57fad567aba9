package io.github.cwmarketing.whatsapp.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link WhatsAppSandbox}: started before all tests of the class, {@link
 * WhatsAppSandbox#reset() reset} before each test, stopped after all; injected into test methods, lifecycle methods
 * and constructors that declare a {@code WhatsAppSandbox} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static WhatsAppSandboxExtension whatsApp = new WhatsAppSandboxExtension(
 *         WhatsAppSandbox.builder().statusDelay(Duration.ofMillis(20)));
 *
 * // or, with every default:
 * @ExtendWith(WhatsAppSandboxExtension.class)
 * class MyTest {
 *     @Test
 *     void sends(WhatsAppSandbox sandbox) { ... }
 * }
 * }</pre>
 * Registered on an instance field instead of a static one, it runs one sandbox per test.
 */
public final class WhatsAppSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private final WhatsAppSandbox.Builder builder;
    private WhatsAppSandbox sandbox; // guarded by this
    private String startedFor; // unique id of the class or test context that owns the sandbox; guarded by this

    /** A sandbox with every default. */
    public WhatsAppSandboxExtension() {
        this(WhatsAppSandbox.builder());
    }

    public WhatsAppSandboxExtension(WhatsAppSandbox.Builder builder) {
        this.builder = builder;
    }

    /** The running sandbox (started now if needed). */
    public synchronized WhatsAppSandbox sandbox() {
        if (sandbox == null) {
            sandbox = builder.build().start();
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        claim(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!claim(context)) {
            sandbox().reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        release(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        release(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == WhatsAppSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox();
    }

    /** Makes {@code context} the owner unless one exists; returns whether it became the owner. */
    private synchronized boolean claim(ExtensionContext context) {
        sandbox();
        if (startedFor != null) {
            return false;
        }
        startedFor = context.getUniqueId();
        return true;
    }

    // Nested classes and test methods also get before/after callbacks: only the owner stops the sandbox.
    private synchronized void release(ExtensionContext context) {
        if (context.getUniqueId().equals(startedFor)) {
            sandbox.stop();
            sandbox = null;
            startedFor = null;
        }
    }
}
