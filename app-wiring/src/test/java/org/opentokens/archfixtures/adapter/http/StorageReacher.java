package org.opentokens.archfixtures.adapter.http;

import org.opentokens.archfixtures.adapter.storage.inmemory.InMemoryThingStore;

/** Violates: adapters never depend on each other. */
public final class StorageReacher {
    public InMemoryThingStore store() {
        return new InMemoryThingStore();
    }
}
