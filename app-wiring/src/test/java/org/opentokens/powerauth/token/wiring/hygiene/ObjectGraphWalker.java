package org.opentokens.powerauth.token.wiring.hygiene;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;

/**
 * Walks the object graph under a root through the fields of the project's own classes (and through the JDK
 * collections, optionals, atomic references and completed futures they hold). For every project object it meets
 * it takes the {@code toString} for the scan, and it harvests the secrets the object holds: anything with a
 * {@code copyBytes(SecretAccess)} method, and {@code byte[]} fields named like a key or secret.
 */
final class ObjectGraphWalker {
    private static final String PROJECT = "org.opentokens.powerauth.token.";
    private static final int LIMIT = 200_000;

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Object> queue = new ArrayDeque<>();
    private final List<Object> owned = new ArrayList<>();
    private final boolean register;

    /** @param register whether to feed {@link SecretRegistry} (toStrings, harvested secrets) */
    ObjectGraphWalker(boolean register) {
        this.register = register;
    }

    /** @return every instance of the type reachable from the root, without registering anything */
    static <T> List<T> instancesOf(Object root, Class<T> type) {
        ObjectGraphWalker walker = new ObjectGraphWalker(false);
        walker.walk(root);
        return walker.owned.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void walk(Object root) {
        enqueue(root);
        while (!queue.isEmpty() && seen.size() < LIMIT) {
            visit(queue.poll());
        }
    }

    int visited() {
        return seen.size();
    }

    private void enqueue(Object value) {
        if (value != null && !(value instanceof String) && !(value instanceof Class<?>)
                && !value.getClass().isPrimitive() && seen.add(value)) {
            queue.add(value);
        }
    }

    private void visit(Object object) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(object); i++) {
                    enqueue(Array.get(object, i));
                }
            }
            return;
        }
        if (object instanceof Collection<?> collection) {
            snapshot(collection).forEach(this::enqueue);
        } else if (object instanceof Map<?, ?> map) {
            snapshot(map.entrySet()).forEach(e -> {
                enqueue(e.getKey());
                enqueue(e.getValue());
            });
        } else if (object instanceof Optional<?> optional) {
            optional.ifPresent(this::enqueue);
        } else if (object instanceof AtomicReference<?> reference) {
            enqueue(reference.get());
        } else if (object instanceof CompletableFuture<?> future) {
            if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
                enqueue(future.join());
            }
        }
        if (type.getName().startsWith(PROJECT)) {
            own(object, type);
        }
    }

    private void own(Object object, Class<?> type) {
        owned.add(object);
        if (register && !type.isHidden() && !type.isSynthetic()) {
            SecretRegistry.toStringOf(object, String.valueOf(object));
            harvest(object, type);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(object);
                    // A wiped key (all zero bytes, as after destroy()) holds no secret, and its zeros would match
                    // any binary file.
                    if (register && value instanceof byte[] bytes && secretName(field.getName()) && !wiped(bytes)) {
                        SecretRegistry.bytes("in-memory " + c.getSimpleName() + "." + field.getName(), bytes);
                    }
                    enqueue(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // A field reflection may not read (a hidden class, a JDK module): nothing to scan there.
                }
            }
        }
    }

    private static boolean wiped(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void harvest(Object object, Class<?> type) {
        try {
            Method copy = type.getMethod("copyBytes", SecretAccess.class);
            Object bytes = copy.invoke(object, InsecureSecretAccess.get());
            if (bytes instanceof byte[] raw) {
                SecretRegistry.bytes("in-memory " + type.getSimpleName(), raw);
            }
        } catch (NoSuchMethodException e) {
            // Not a secret holder.
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Destroyed already: it holds nothing any more.
        }
    }

    private static boolean secretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.contains("key") || n.contains("secret")) && !n.contains("public") && !n.contains("check");
    }

    private static <T> List<T> snapshot(Collection<T> collection) {
        try {
            return new ArrayList<>(collection);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
