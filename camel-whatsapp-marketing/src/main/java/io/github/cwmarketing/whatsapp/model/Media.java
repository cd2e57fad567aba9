package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An image, video or document: either an uploaded media id or a public link, never both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Media extends PassThroughObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("link")
    private String link;
    @JsonProperty("filename")
    private String filename;

    public static Media ofId(String id) {
        Media media = new Media();
        media.id = id;
        return media;
    }

    public static Media ofLink(String link) {
        Media media = new Media();
        media.link = link;
        return media;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }
}
