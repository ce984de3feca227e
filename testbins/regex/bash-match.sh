# Run by Debian's bash on musl through the shim (testbins/real-programs.txt):
# [[ =~ ]] compiles with glibc's regcomp, BASH_REMATCH comes from regexec.
x=$((6 * 7))
echo "$x"
printf '%05.1f|%s\n' 3.14159 "${BASH_VERSINFO[0]}"
for s in abc123 ABC123 abc 123abc; do
    if [[ $s =~ ^([a-z]+)([0-9]+)$ ]]; then
        echo "$s: ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
    else
        echo "$s: no match"
    fi
done
shopt -s nocasematch
[[ ABC123 =~ ^([a-z]+)([0-9]+)$ ]] && echo "nocasematch: ${BASH_REMATCH[0]}"
