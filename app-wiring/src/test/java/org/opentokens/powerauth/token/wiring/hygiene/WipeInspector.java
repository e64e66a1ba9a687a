package org.opentokens.powerauth.token.wiring.hygiene;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads, by reflection, every {@code byte[]} and {@code char[]} a project object holds (through the fields of
 * project classes only) and reports those that are not all zero: the proof that a destroy really wiped.
 */
final class WipeInspector {
    private static final String PROJECT = "org.opentokens.powerauth.token.";

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> dirty = new ArrayList<>();
    private int arrays;

    private WipeInspector() {
    }

    /** The arrays under a root: how many, and the field paths of those not zeroed. */
    record Report(int arrays, List<String> notWiped) {
    }

    static Report inspect(Object root) {
        WipeInspector inspector = new WipeInspector();
        inspector.visit(root, root.getClass().getSimpleName());
        return new Report(inspector.arrays, List.copyOf(inspector.dirty));
    }

    private void visit(Object object, String path) {
        if (object == null || !seen.add(object)) {
            return;
        }
        if (object instanceof byte[] bytes) {
            arrays++;
            for (byte b : bytes) {
                if (b != 0) {
                    dirty.add(path);
                    return;
                }
            }
            return;
        }
        if (object instanceof char[] chars) {
            arrays++;
            for (char c : chars) {
                if (c != 0) {
                    dirty.add(path);
                    return;
                }
            }
            return;
        }
        if (!object.getClass().getName().startsWith(PROJECT)) {
            return;
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    visit(field.get(object), path + "." + field.getName());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not readable: nothing this check can prove there.
                }
            }
        }
    }
}
