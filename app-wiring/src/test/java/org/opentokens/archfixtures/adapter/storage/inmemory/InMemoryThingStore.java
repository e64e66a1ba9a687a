package org.opentokens.archfixtures.adapter.storage.inmemory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.opentokens.archfixtures.adapter.storage.sqlite.SqliteThingStore;
import org.opentokens.archfixtures.port.out.ThingStore;

/** Violates: Jackson only in the HTTP adapter; storage adapters never depend on each other. */
public final class InMemoryThingStore implements ThingStore {
    private final ObjectMapper mapper = new ObjectMapper();
    private final SqliteThingStore sibling = new SqliteThingStore();

    @Override
    public String load(String name) {
        return mapper.getClass().getName() + sibling.load(name);
    }
}
