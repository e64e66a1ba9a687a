package org.opentokens.powerauth.token.wiring.hygiene;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps JUnit's order but moves classes marked {@link RunsLast} to the end, so the secret scan sees what every
 * other class logged. Configured for this module in the surefire {@code configurationParameters}.
 */
public final class RunsLastOrderer implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: everything else keeps its relative order.
        context.getClassDescriptors().sort(Comparator.comparing(d -> d.isAnnotated(RunsLast.class)));
    }
}
