package jp.sesakudesk.exchange;

/** An edition file that cannot be read, with the place in the file and what is wrong there. */
public class EditionFormatException extends Exception {

    private final String place;
    private final String problem;

    public EditionFormatException(String place, String problem) {
        super(place + ": " + problem);
        this.place = place;
        this.problem = problem;
    }

    /** Where in the file, as a JSON path such as {@code pillars[0].categories[2].listings[1].name}. */
    public String place() {
        return place;
    }

    public String problem() {
        return problem;
    }
}
