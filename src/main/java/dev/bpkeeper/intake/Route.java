package dev.bpkeeper.intake;

import java.util.List;

/**
 * What a delivery leads to: jobs, or the reason it is ignored (answered 2xx either way), or the reason it is
 * refused (a signed delivery that cannot be from GitHub as it stands; answered 400, nothing queued).
 */
public record Route(List<Job> jobs, String ignoredBecause, String refusedBecause) {

    public Route {
        jobs = List.copyOf(jobs);
    }

    public static Route ignore(String reason) {
        return new Route(List.of(), reason, null);
    }

    public static Route refuse(String reason) {
        return new Route(List.of(), null, reason);
    }

    public static Route of(List<Job> jobs) {
        return jobs.isEmpty() ? ignore("nothing to do") : new Route(jobs, null, null);
    }

    public boolean ignored() {
        return ignoredBecause != null;
    }

    public boolean refused() {
        return refusedBecause != null;
    }
}
