package dev.bpkeeper.testing;

import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.JobQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A queue that only records what was submitted, or refuses when told to: for tests of what is queued. */
public class RecordingQueue implements JobQueue {
    public final List<Job> submitted = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;

    @Override
    public void submit(List<Job> jobs) {
        if (refuse) {
            throw new QueueUnavailableException("refusing on purpose", null);
        }
        submitted.addAll(jobs);
    }
}
