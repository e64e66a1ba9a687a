package org.opentokens.powerauth.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Method, path, status and authentication failure of every handled request; never headers or bodies. */
final class ExchangeLog {

    private final List<EmulatorExchange> exchanges = new ArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void record(String method, String path, int status, EmulatorAuthFailure reason) {
        synchronized (exchanges) {
            exchanges.add(new EmulatorExchange(method, path, status, reason));
        }
        counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    }

    List<EmulatorExchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    long count(String path) {
        AtomicLong count = counts.get(path);
        return count == null ? 0 : count.get();
    }
}
