package io.github.cwmarketing.whatsapp.model;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * Writes an instant as Meta does, a string of Unix seconds, so that events serialise without Jackson's JSR-310 module.
 */
public class EpochSecondsSerializer extends JsonSerializer<Instant> {

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(Long.toString(value.getEpochSecond()));
    }
}
