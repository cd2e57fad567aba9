package io.github.cwmarketing.whatsapp.examples.cluster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The campaign's recipients CSV ({@code phone,first_name,language}, as the campaign example reads): {@code count}
 * German mobile numbers, +49 151 1000 0000 on; their last digits spread them over the sandbox's scenarios.
 */
final class RecipientsFile {

    private static final long FIRST_NUMBER = 10_000_000L;

    private RecipientsFile() {
    }

    static Path write(Path file, int count) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("phone,first_name,language\n");
            for (int position = 0; position < count; position++) {
                out.write(phone(position) + ",Friend,en\n");
            }
        }
        return file;
    }

    /** The phone number at {@code position} (from 0). */
    static String phone(int position) {
        return "+49151" + (FIRST_NUMBER + position);
    }
}
