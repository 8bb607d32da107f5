package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the project document where it intends to go over the next year (a roadmap)? */
public final class HasRoadmap extends DocumentedTopic implements Evaluator {

    public HasRoadmap() {
        super(Topic.of("the project's roadmap")
                .files(doc("roadmap"), folder("roadmap"))
                .headings("road ?map|future (?:plans|work|development|direction)|planned (?:features|work)"
                        + "|what'?s next|next steps|milestones|vision")
                // A board or milestone list is a roadmap kept where the work is planned.
                .phrases("https?://github\\.com/(?:[^/\\s]+/[^/\\s]+/milestones|orgs/[^/\\s]+/projects/\\d+"
                        + "|users/[^/\\s]+/projects/\\d+|[^/\\s]+/[^/\\s]+/projects/\\d+)")
                .missing("No ROADMAP file, roadmap section or link to milestones or a project board was found"));
    }
}
