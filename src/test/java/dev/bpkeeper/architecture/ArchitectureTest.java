package dev.bpkeeper.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * The three rooms: gather (all I/O) → evaluate (pure) → act. The evaluate room, and the snapshot and criteria
 * model it reads, stay free of I/O, clocks and frameworks so that every evaluator is a plain function.
 */
@AnalyzeClasses(packages = "dev.bpkeeper", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] PURE = {"dev.bpkeeper.evaluate..", "dev.bpkeeper.snapshot..", "dev.bpkeeper.criteria..",
            "dev.bpkeeper.policy.."};

    @ArchTest
    static final ArchRule pureRoomsUseOnlyTheJdkCoreAndEachOther = classes().that().resideInAnyPackage(PURE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.time..",
                    "java.math..", "java.text..", "dev.bpkeeper.evaluate..", "dev.bpkeeper.snapshot..",
                    "dev.bpkeeper.criteria..", "dev.bpkeeper.policy..",
                    // Finite automata over strings, nothing else: how the tree knows which endings a pattern allows.
                    "dk.brics.automaton..")
            .because("evaluators are pure functions of a snapshot: no I/O, no framework types");

    @ArchTest
    static final ArchRule pureRoomsReadNoClockAndNoEnvironment = noClasses().that().resideInAnyPackage(PURE)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getProperty", String.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .because("time comes from the snapshot (observedAt), so evaluations are reproducible");

    @ArchTest
    static final ArchRule gatheringDoesNotAct = noClasses().that().resideInAPackage("dev.bpkeeper.gather..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.bpkeeper.act..", "dev.bpkeeper.edge..");

    @ArchTest
    static final ArchRule actingDoesNotReachIntoTheEdge = noClasses().that().resideInAPackage("dev.bpkeeper.act..")
            .should().dependOnClassesThat().resideInAPackage("dev.bpkeeper.edge..");

    @ArchTest
    static final ArchRule evaluatorsAreFinalAndPublic = classes().that().resideInAPackage("dev.bpkeeper.evaluate.evaluators")
            .and().implement(dev.bpkeeper.evaluate.Evaluator.class)
            .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
            .andShould().bePublic();
}
