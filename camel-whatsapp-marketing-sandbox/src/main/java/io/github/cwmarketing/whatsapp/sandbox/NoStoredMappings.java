package io.github.cwmarketing.whatsapp.sandbox;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * Keeps WireMock from loading or saving stub files: by default it would pick up a {@code mappings} folder of the
 * user's project.
 */
final class NoStoredMappings implements MappingsSource {

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        // the sandbox registers its stubs in code
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
        // nothing is persisted
    }

    @Override
    public void save(StubMapping stubMapping) {
        // nothing is persisted
    }

    @Override
    public void remove(StubMapping stubMapping) {
        // nothing is persisted
    }

    @Override
    public void removeAll() {
        // nothing is persisted
    }
}
