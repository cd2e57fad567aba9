package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A sandbox class never shadows a class of the component: a reader of either never wonders which one is meant. */
class SandboxClassNamesTest {

    @Test
    void noSandboxClassHasTheSimpleNameOfAComponentClass() throws Exception {
        Set<String> sandbox = simpleNames(WhatsAppSandbox.class);
        Set<String> component = simpleNames(WhatsAppMarketingComponent.class);

        assertThat(sandbox).contains("WhatsAppSandbox", "SandboxRequestRule", "WebhookSigner");
        assertThat(component).contains("WhatsAppMarketingComponent", "RequestValidator", "WebhookSignature");
        assertThat(sandbox).doesNotContainAnyElementsOf(component);
    }

    /** The simple names of the top-level classes in the classes folder or jar that holds {@code type}. */
    private static Set<String> simpleNames(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(file -> file.getFileName().toString()).forEach(name -> addTopLevelClass(name, names));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(entry -> entry.getName().substring(entry.getName().lastIndexOf('/') + 1))
                        .forEach(name -> addTopLevelClass(name, names));
            }
        }
        return names;
    }

    private static void addTopLevelClass(String fileName, Set<String> names) {
        if (fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class")) {
            names.add(fileName.substring(0, fileName.length() - ".class".length()));
        }
    }
}
