package io.colony.api.plugin;

/** A class in the API's package, where it could reach package-private members. */
public class Inside implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text("inside the API");
    }
}
