package dev.ratchet.resolve;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the SQL files in a folder and its subfolders. Links are followed, so a folder mounted from a
 * Kubernetes ConfigMap (files linking into a hidden {@code ..data} folder) works. Hidden files and
 * folders, whose names start with {@code .}, are skipped: the ConfigMap's own copies, {@code .git},
 * the {@code ._} files macOS leaves behind.
 */
final class FolderScanner {

	private FolderScanner() {
	}

	/**
	 * Adds the SQL files under a folder.
	 * @param location the location the folder stands for
	 * @param folder the folder
	 * @param root the folder's classpath URL, or {@code null} on the file system
	 * @param found where to add the files
	 * @param problems where to report files and folders that cannot be read
	 * @throws IOException if the walk itself fails
	 */
	static void scan(Location location, Path folder, String root, List<FoundFile> found, ResolutionProblems problems)
			throws IOException {
		Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
						return (!dir.equals(folder) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
						String name = file.getFileName().toString();
						if (!isHidden(file) && MigrationFileName.isSqlFile(name)) {
							String script = script(folder, file);
							if (attrs.isRegularFile()) {
								found.add(new FoundFile(location, script, root, () -> Files.newInputStream(file)));
							}
							else if (attrs.isSymbolicLink()) {
								problems.add("Cannot read migration file " + location.describe(script)
										+ ": it is a link to " + readLink(file) + ", which does not exist");
							}
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						if (!isHidden(file)) {
							problems.add("Cannot read " + location.describe(script(folder, file)) + ": " + ex, ex);
						}
						return FileVisitResult.CONTINUE;
					}

				});
	}

	private static boolean isHidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}

	private static String script(Path folder, Path file) {
		String relative = folder.relativize(file).toString();
		return (File.separatorChar != '/') ? relative.replace(File.separatorChar, '/') : relative;
	}

	private static String readLink(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "a file";
		}
	}

}
