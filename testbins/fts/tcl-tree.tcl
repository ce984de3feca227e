# Tcl's `file copy` and `file delete -force` of a directory walk the tree
# with fts_open/fts_read (libtcl8.6's TraverseUnixTree): run by
# testbins/real-programs.txt as a real glibc-built library calling fts.
set base /tmp/gcompat-fts-tcl-[pid]
file delete -force $base
file mkdir $base/src/a/b/c $base/src/empty
foreach {name text} {src/one 1 src/a/two 22 src/a/b/three 333 src/a/b/c/four 4444} {
    set f [open $base/$name w]
    puts -nonewline $f $text
    close $f
}
file link -symbolic $base/src/a/link two
file copy $base/src $base/copy

proc walk {dir prefix} {
    foreach path [lsort [glob -nocomplain -directory $dir -types {f d l} *]] {
        set name $prefix[file tail $path]
        set type [file type $path]
        if {$type eq "file"} {
            puts "$name file [file size $path]"
        } elseif {$type eq "link"} {
            puts "$name link [file readlink $path]"
        } else {
            puts "$name $type"
            walk $path $name/
        }
    }
}
walk $base/copy ""
puts "delete copy: [catch {file delete -force $base/copy} err] [file exists $base/copy]"
puts "delete non-empty without -force: [catch {file delete $base/src} err]"
puts "delete src: [catch {file delete -force $base/src} err] [file exists $base/src]"
file delete $base
puts "done [file exists $base]"
