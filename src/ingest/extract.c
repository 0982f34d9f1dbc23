/* placeholder: being written */
typedef int baogao_placeholder_;
