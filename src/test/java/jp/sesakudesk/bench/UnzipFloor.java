package jp.sesakudesk.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor of the merge benchmark: only unzips each workbook of a folder and reads its sheet XML
 * with StAX, counting elements. Anything that merges forms does at least this much.
 */
public final class UnzipFloor {

    public static void main(String[] args) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        long elements = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        for (Path file : files) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith("xl/worksheets/") || !entry.getName().endsWith(".xml")) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        XMLStreamReader xml = factory.createXMLStreamReader(in);
                        while (xml.hasNext()) {
                            if (xml.next() == XMLStreamReader.START_ELEMENT) {
                                elements++;
                            }
                        }
                    }
                }
            }
        }
        System.out.println("read " + files.size() + " files, " + elements + " elements");
    }
}
