package dev.bpkeeper.edge;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The few framework-managed objects the pure core needs: the catalogue-backed assessor and the clock. */
public class AppBeans {

    @Produces
    @Singleton
    Assessor assessor() {
        return new Assessor(CatalogueLoader.fromClasspath(), Evaluators.ALL);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
