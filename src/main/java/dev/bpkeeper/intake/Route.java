package dev.bpkeeper.intake;

import java.util.List;

/** What a delivery leads to: jobs, or the reason it is ignored (answered 2xx either way). */
public record Route(List<Job> jobs, String ignoredBecause) {

    public Route {
        jobs = List.copyOf(jobs);
    }

    public static Route ignore(String reason) {
        return new Route(List.of(), reason);
    }

    public static Route of(List<Job> jobs) {
        return jobs.isEmpty() ? ignore("nothing to do") : new Route(jobs, null);
    }

    public boolean ignored() {
        return ignoredBecause != null;
    }
}
