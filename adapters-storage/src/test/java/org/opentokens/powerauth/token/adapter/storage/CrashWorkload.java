package org.opentokens.powerauth.token.adapter.storage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The writer side of the crash tests: a random mix of put, putAll, delete, deleteAll(names) and
 * deleteAll(namespace) over a fixed pool of names, run until the process is killed. Before each call the writer
 * prints {@code intent <call>}, after it {@code acked <seq>}; a failing call prints {@code error <type>} and ends
 * the process.
 */
public final class CrashWorkload {
    /** Values from 16 bytes to the 64 KiB maximum, so records span overflow pages and the WAL grows. */
    public static final CrashWorkload SQLITE = new CrashWorkload(16, new int[] {16, 500, 4_000, 30_000, 65_536},
            new int[] {35, 30, 15, 12, 5});
    /**
     * Values up to 1500 bytes over 10 names: with 960-byte items (as on Windows) a namespace of a few records
     * spans several chunk items; deleteAll(namespace) is rare so that it stays that large most of the time.
     */
    public static final CrashWorkload KEYRING = new CrashWorkload(10, new int[] {16, 300, 800, 1_500},
            new int[] {40, 25, 17, 12, 6});

    private final int names;
    private final int[] lengths;
    private final int[] weights;

    /**
     * @param names how many names the calls pick from ({@code n00}, {@code n01}, ...)
     * @param lengths the value lengths a put picks from (each at least 9 bytes)
     * @param weights relative weights of put, putAll, delete, deleteAll(names), deleteAll(namespace)
     */
    public CrashWorkload(int names, int[] lengths, int[] weights) {
        this.names = names;
        this.lengths = lengths.clone();
        this.weights = weights.clone();
    }

    /** @return the profile called {@code name}: {@code sqlite} or {@code keyring} */
    public static CrashWorkload named(String name) {
        return switch (name) {
            case "sqlite" -> SQLITE;
            case "keyring" -> KEYRING;
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    /** @return a random call with sequence number (and stamp) {@code seq} */
    public WorkloadOp next(Random random, long seq) {
        int pick = random.nextInt(total());
        int kind = 0;
        while (pick >= weights[kind]) {
            pick -= weights[kind++];
        }
        Map<String, ValueStamp> puts = new TreeMap<>();
        List<String> removes = new ArrayList<>();
        WorkloadOp.Kind chosen = WorkloadOp.Kind.values()[kind];
        switch (chosen) {
            case PUT -> puts.put(name(random), new ValueStamp(seq, lengths[random.nextInt(lengths.length)]));
            case PUT_ALL -> {
                int count = 2 + random.nextInt(3);
                while (puts.size() < count) {
                    puts.put(name(random), new ValueStamp(seq, lengths[random.nextInt(lengths.length)]));
                }
            }
            case REMOVE -> removes.add(name(random));
            case REMOVE_NAMES -> {
                int count = 2 + random.nextInt(3);
                while (removes.size() < count) {
                    String name = name(random);
                    if (!removes.contains(name)) {
                        removes.add(name);
                    }
                }
            }
            case REMOVE_ALL -> { }
            default -> throw new IllegalStateException(chosen.name());
        }
        return new WorkloadOp(seq, chosen, puts, removes);
    }

    /**
     * Runs random calls against the store until the process dies; never returns normally.
     *
     * @param firstSeq the first call's sequence number; the parent gives each writer process its own range
     */
    public void run(SecureStorage storage, StorageNamespace namespace, Random random, long firstSeq, PrintStream out) {
        for (long seq = firstSeq; ; seq++) {
            WorkloadOp op = next(random, seq);
            out.println("intent " + op.encode());
            try {
                op.applyTo(storage, namespace);
            } catch (RuntimeException e) {
                out.println("error " + e.getClass().getSimpleName());
                throw e;
            }
            out.println("acked " + seq);
        }
    }

    private String name(Random random) {
        return String.format("n%02d", random.nextInt(names));
    }

    private int total() {
        int sum = 0;
        for (int weight : weights) {
            sum += weight;
        }
        return sum;
    }
}
