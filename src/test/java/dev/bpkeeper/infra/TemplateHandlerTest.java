package dev.bpkeeper.infra;

import static dev.bpkeeper.infra.SamTemplate.cast;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The template's Handler is a class and method of the Lambda artifact (only the -Plambda build has them, hence the
 * tag: the nested Lambda build runs this).
 */
@Tag("lambda")
class TemplateHandlerTest {

    @Test
    void givenTheTemplatesHandler_whenLookedUpInTheLambdaArtifact_thenItIsAStreamHandlerMethod() throws Exception {
        String handler = cast(cast(SamTemplate.load(Path.of("infra/template.yaml")).get("Globals")).get("Function"))
                .get("Handler").toString();
        String[] parts = handler.split("::");

        Class<?> type = Class.forName(parts[0]);

        // Named, not referenced: the default build has no Lambda classes to compile against.
        assertThat(Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(parts[1]))
                .map(m -> Arrays.stream(m.getParameterTypes()).map(Class::getName).toList()))
                .contains(java.util.List.of("java.io.InputStream", "java.io.OutputStream",
                        "com.amazonaws.services.lambda.runtime.Context"));
    }
}
