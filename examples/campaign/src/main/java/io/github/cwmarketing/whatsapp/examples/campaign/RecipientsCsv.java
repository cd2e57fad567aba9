package io.github.cwmarketing.whatsapp.examples.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * Reads the recipients CSV ({@code phone,first_name,language} with a header line) from a Camel resource URI such as
 * {@code classpath:recipients.csv} or {@code file:/path/recipients.csv}.
 */
public class RecipientsCsv {

    private static final int COLUMNS = 3;

    public List<Recipient> read(String uri, CamelContext context) throws IOException {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, uri);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Recipient> recipients = new ArrayList<>();
            String header = reader.readLine();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    recipients.add(parse(line, lineNumber, header));
                }
            }
            return recipients;
        }
    }

    private static Recipient parse(String line, int lineNumber, String header) {
        String[] columns = line.split(",", -1);
        if (columns.length != COLUMNS) {
            throw new IllegalArgumentException("Line " + lineNumber + " has " + columns.length + " columns, expected "
                                               + COLUMNS + " (" + header + ")");
        }
        return new Recipient(columns[0].trim(), columns[1].trim(), columns[2].trim());
    }
}
