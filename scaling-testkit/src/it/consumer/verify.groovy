// The contract ran (nine properties, the coverage study skipped as not configured) and passed.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 9, Failures: 0, Errors: 0, Skipped: 1')
