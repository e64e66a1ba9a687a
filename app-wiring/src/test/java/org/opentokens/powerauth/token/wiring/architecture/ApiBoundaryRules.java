package org.opentokens.powerauth.token.wiring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public API boundary of issue 17: a package is internal when its name has the segment {@code internal};
 * every other package of the library is API. An API type may use internals in its body, never in what a host
 * sees: its supertypes, and the types of its public and protected fields, constructors and methods
 * (parameters, return, throws, type-parameter bounds, generic arguments included).
 */
final class ApiBoundaryRules {
    private ApiBoundaryRules() {
    }

    /** Public types of the library outside internal packages (the CLI and benchmarks are not library). */
    static DescribedPredicate<JavaClass> apiType() {
        return DescribedPredicate.describe("public API types", c -> effectivelyPublic(c)
                && !isInternal(c) && !c.getPackageName().matches(".*\\.(cli|benchmarks)(\\..*)?"));
    }

    static boolean isInternal(JavaClass c) {
        return c.getPackageName().matches("(.*\\.)?internal(\\..*)?");
    }

    /** An API type exposes no internal type in its supertypes or its public and protected signatures. */
    static final ArchRule API_EXPOSES_NO_INTERNALS = classes().that(apiType())
            .should(new ArchCondition<JavaClass>("expose no internal type in a public or protected signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (String leak : leaks(type)) {
                        events.add(SimpleConditionEvent.violated(type, leak));
                    }
                }
            })
            .allowEmptyShould(true)
            .because("a host tells the API from the internals by the package name alone (issue 17)");

    /** The host-like examples use only the API. */
    static final ArchRule EXAMPLES_USE_NO_INTERNALS = noClasses().that().resideInAPackage("..examples..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .allowEmptyShould(true)
            .because("the examples are what a host writes, and a host sees only the API");

    static List<String> leaks(JavaClass type) {
        List<String> leaks = new ArrayList<>();
        String owner = type.getName();
        type.getRawSuperclass().filter(ApiBoundaryRules::isInternal)
                .ifPresent(s -> leaks.add(owner + ".<extends> " + s.getName()));
        for (JavaClass i : type.getRawInterfaces()) {
            if (isInternal(i)) {
                leaks.add(owner + ".<implements> " + i.getName());
            }
        }
        for (JavaTypeVariable<JavaClass> variable : type.getTypeParameters()) {
            internal(variable.getBounds()).ifPresent(c -> leaks.add(owner + ".<" + variable.getName() + "> bound "
                    + c.getName()));
        }
        for (JavaMember member : type.getMembers()) {
            if (!visible(member)) {
                continue;
            }
            String where = owner + "." + member.getName();
            List<JavaType> types = new ArrayList<>();
            if (member instanceof JavaField field) {
                types.add(field.getType());
            } else if (member instanceof JavaCodeUnit unit) {
                types.add(unit.getReturnType());
                types.addAll(unit.getParameterTypes());
                unit.getThrowsClause().getTypes().forEach(types::add);
                unit.getTypeParameters().forEach(v -> types.addAll(v.getBounds()));
            }
            internal(types).ifPresent(c -> leaks.add(where + " uses " + c.getName()));
        }
        return leaks;
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return !modifiers.contains(JavaModifier.SYNTHETIC)
                && (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED));
    }

    private static Optional<JavaClass> internal(List<? extends JavaType> types) {
        return types.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream())
                .filter(ApiBoundaryRules::isInternal).findFirst();
    }

    private static boolean effectivelyPublic(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (!k.get().getModifiers().contains(JavaModifier.PUBLIC) || k.get().isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }
}
