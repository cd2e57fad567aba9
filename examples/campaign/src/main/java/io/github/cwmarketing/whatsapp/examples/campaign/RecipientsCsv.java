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
 * The recipients CSV ({@code phone,first_name,language} with a header line) from a Camel resource URI such as
 * {@code classpath:recipients.csv} or {@code file:/path/recipients.csv}, read line by line as the campaign route
 * splits it ({@code streaming}): a campaign of any size is never held in memory.
 */
public class RecipientsCsv {

    private static final String HEADER = "phone,first_name,language";
    private static final int COLUMNS = 3;

    /** The CSV, to be split into lines as it is read. */
    public InputStream open(String uri, CamelContext context) throws IOException {
        return ResourceHelper.resolveMandatoryResourceAsInputStream(context, uri);
    }

    /**
     * The recipient of one line ({@code index}: its place in the file, from 0), or null for the header and blank
     * lines.
     */
    public Recipient parse(String line, int index) {
        if (line == null || line.isBlank() || index == 0 && line.trim().startsWith("phone,")) {
            return null;
        }
        return parse(line.trim(), index + 1, HEADER);
    }

    /** Every recipient at once (small files, tests). */
    public List<Recipient> read(String uri, CamelContext context) throws IOException {
        try (InputStream in = open(uri, context);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Recipient> recipients = new ArrayList<>();
            int index = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Recipient recipient = parse(line, index++);
                if (recipient != null) {
                    recipients.add(recipient);
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
