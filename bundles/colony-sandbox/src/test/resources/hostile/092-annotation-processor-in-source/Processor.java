package hostile;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.element.TypeElement;

/** Would write a marker file at compile time if javac ran it. */
@SupportedAnnotationTypes("*")
public class Processor extends AbstractProcessor {

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/colony-hostile-processor-ran"), "ran");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return false;
    }
}
